package id.ugdkemiskinan.cases.workflow;

import id.ugdkemiskinan.cases.AssignmentRouted;
import id.ugdkemiskinan.cases.domain.Assignment;
import id.ugdkemiskinan.cases.domain.AssignmentRepository;
import id.ugdkemiskinan.cases.domain.CaseEvent;
import id.ugdkemiskinan.cases.domain.CaseEventRepository;
import id.ugdkemiskinan.cases.domain.CaseFile;
import id.ugdkemiskinan.cases.domain.CaseFileRepository;
import id.ugdkemiskinan.cases.domain.EventType;
import java.time.Instant;
import java.util.function.LongFunction;

import id.ugdkemiskinan.sla.SlaDeadlines;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Makes an assignment the one way, on filing, routing, return and reopening: a new clock
 * (due time and at-risk instant fixed now from the SLA policy in force, see
 * {@link SlaDeadlines}), a ROUTED event on the timeline, and {@link AssignmentRouted}
 * published (the notifications module tells the dinas), all in the caller's transaction.
 */
@Component
public class Assigning {

	private final AssignmentRepository assignments;

	private final CaseEventRepository events;

	private final CaseFileRepository cases;

	private final SlaDeadlines sla;

	private final ApplicationEventPublisher publisher;

	public Assigning(AssignmentRepository assignments, CaseEventRepository events, CaseFileRepository cases,
			SlaDeadlines sla, ApplicationEventPublisher publisher) {
		this.assignments = assignments;
		this.events = events;
		this.cases = cases;
		this.sla = sla;
		this.publisher = publisher;
	}

	public Assignment assign(long caseId, String dinasCode, Instant now, CurrentUser actor, String note) {
		return assign(caseId, dinasCode, now,
				assignmentId -> new CaseEvent(caseId, assignmentId, EventType.ROUTED, dinasCode, now, actor, note));
	}

	/**
	 * The same, on the resident's word (a "Belum tertangani" that reopens the case): the
	 * ROUTED event's actor is the resident ({@code actorName}, role WARGA).
	 */
	public Assignment assignByResident(long caseId, String dinasCode, Instant now, String actorName, String note) {
		return assign(caseId, dinasCode, now, assignmentId -> CaseEvent.byResident(caseId, assignmentId, dinasCode,
				EventType.ROUTED, now, actorName, note));
	}

	private Assignment assign(long caseId, String dinasCode, Instant now, LongFunction<CaseEvent> routedEvent) {
		// The caller's transaction holds the case already (filed or locked): no further
		// statement.
		CaseFile kase = this.cases.findById(caseId).orElseThrow();
		SlaDeadlines.Deadline deadline = this.sla.fix(now, kase.getPriority().name(), kase.getCategories());
		Instant due = deadline.dueAt();
		Assignment assignment = this.assignments
			.save(new Assignment(caseId, dinasCode, now, due, deadline.atRiskFrom(), deadline.workingHours()));
		CaseEvent routed = this.events.save(routedEvent.apply(assignment.getId()));
		this.publisher.publishEvent(new AssignmentRouted(routed.getId(), caseId, kase.getTicket(),
				kase.getKecamatanCode(), assignment.getId(), dinasCode, now, due));
		return assignment;
	}

}
