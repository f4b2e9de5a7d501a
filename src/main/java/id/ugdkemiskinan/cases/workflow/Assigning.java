package id.ugdkemiskinan.cases.workflow;

import id.ugdkemiskinan.cases.domain.Assignment;
import id.ugdkemiskinan.cases.domain.AssignmentRepository;
import id.ugdkemiskinan.cases.domain.CaseEvent;
import id.ugdkemiskinan.cases.domain.CaseEventRepository;
import id.ugdkemiskinan.cases.domain.EventType;
import java.time.Instant;

import id.ugdkemiskinan.notifications.Notifications;
import id.ugdkemiskinan.sla.SlaPolicy;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Makes an assignment the one way, on filing, routing, return and reopening: a new clock (due
 * time and at-risk instant fixed now from the SLA settings), a ROUTED event on the timeline, and
 * a notification to the dinas, all in the caller's transaction.
 */
@Component
public class Assigning {

	private final AssignmentRepository assignments;

	private final CaseEventRepository events;

	private final SlaPolicy sla;

	private final Notifications notifications;

	public Assigning(AssignmentRepository assignments, CaseEventRepository events, SlaPolicy sla, Notifications notifications) {
		this.assignments = assignments;
		this.events = events;
		this.sla = sla;
		this.notifications = notifications;
	}

	public Assignment assign(long caseId, String dinasCode, Instant now, CurrentUser actor, String note) {
		Instant due = this.sla.dueAt(now);
		Assignment assignment = this.assignments
			.save(new Assignment(caseId, dinasCode, now, due, this.sla.atRiskFrom(now, due)));
		CaseEvent routed = this.events
			.save(new CaseEvent(caseId, assignment.getId(), EventType.ROUTED, dinasCode, now, actor, note));
		this.notifications.notifyAbout(routed.getId(), now);
		return assignment;
	}

}
