package id.ugdkemiskinan.cases.workflow;

import id.ugdkemiskinan.cases.AssignmentCancelled;
import id.ugdkemiskinan.cases.AssignmentProgressed;
import id.ugdkemiskinan.cases.AssignmentResolved;
import id.ugdkemiskinan.cases.AssignmentResponded;
import id.ugdkemiskinan.cases.AssignmentReturned;
import id.ugdkemiskinan.cases.AssignmentTriaged;
import id.ugdkemiskinan.cases.CaseAwaitingConfirmation;
import id.ugdkemiskinan.cases.CaseClosed;
import id.ugdkemiskinan.cases.CaseRejected;
import id.ugdkemiskinan.cases.CaseReopened;
import id.ugdkemiskinan.cases.domain.Assignment;
import id.ugdkemiskinan.cases.domain.AssignmentRepository;
import id.ugdkemiskinan.cases.domain.AssignmentStatus;
import id.ugdkemiskinan.cases.domain.CaseEvent;
import id.ugdkemiskinan.cases.domain.CaseEventRepository;
import id.ugdkemiskinan.cases.domain.CaseFile;
import id.ugdkemiskinan.cases.domain.CaseFileRepository;
import id.ugdkemiskinan.cases.domain.CaseStatus;
import id.ugdkemiskinan.cases.domain.EventType;
import id.ugdkemiskinan.cases.intake.FieldProblem;
import id.ugdkemiskinan.cases.intake.InvalidCaseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.CategoryRef;
import id.ugdkemiskinan.agency.DinasRef;
import id.ugdkemiskinan.agency.InterventionRef;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a case after filing: dinas staff respond, note progress, resolve or return;
 * the secretariat routes, cancels and rejects; the UPT closes and reopens. Every action
 * locks the case row first, so actions on one case run one at a time and the case status
 * derived from its assignments is always computed from what is committed. A form's
 * version that no longer matches means someone else acted first:
 * {@link CaseChangedException}, never a double application. Each action publishes what
 * happened ({@code AssignmentResponded}, {@code CaseRejected}, …, the records of the
 * {@code cases} package) in its transaction; the notifications module listens.
 */
@Service
@Transactional
public class CaseWorkflow {

	static final int MIN_NOTE = 15;

	static final int MIN_REASON = 10;

	static final int MAX_TEXT = 2000;

	private final CaseFileRepository cases;

	private final AssignmentRepository assignments;

	private final CaseEventRepository events;

	private final Agencies agencies;

	private final Assigning assigning;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	public CaseWorkflow(CaseFileRepository cases, AssignmentRepository assignments, CaseEventRepository events,
			Agencies agencies, Assigning assigning, JdbcClient jdbc, ApplicationEventPublisher publisher, Clock clock) {
		this.publisher = publisher;
		this.cases = cases;
		this.assignments = assignments;
		this.events = events;
		this.agencies = agencies;
		this.assigning = assigning;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The written first response; stops the clock (late if after the due time). */
	public String respond(long assignmentId, Long version, String note, CurrentUser user) {
		String text = text(note, "note", MIN_NOTE);
		Locked locked = lockAssignment(assignmentId, version, user, Action.WORK);
		Instant now = this.clock.instant();
		respond(locked, now, user, text);
		return locked.kase.getTicket();
	}

	public String recordProgress(long assignmentId, Long version, String note, CurrentUser user) {
		String text = text(note, "note", MIN_REASON);
		Locked locked = lockAssignment(assignmentId, version, user, Action.WORK);
		locked.assignment.recordProgress();
		Instant now = this.clock.instant();
		CaseEvent progress = event(locked, EventType.PROGRESS, now, user, text);
		this.publisher
			.publishEvent(new AssignmentProgressed(progress.getId(), locked.kase.getId(), locked.kase.getTicket(),
					locked.kase.getKecamatanCode(), locked.assignment.getId(), locked.assignment.getDinasCode(), now));
		return locked.kase.getTicket();
	}

	/**
	 * Resolved with the intervention given. An assignment still waiting is responded to
	 * and resolved at once, and both are recorded.
	 */
	public String resolve(long assignmentId, Long version, String intervention, String note, CurrentUser user) {
		List<FieldProblem> problems = new ArrayList<>();
		String text = text(note, "note", MIN_NOTE, problems);
		boolean known = intervention != null
				&& this.agencies.interventions().stream().map(InterventionRef::code).anyMatch(intervention::equals);
		if (!known) {
			problems.add(new FieldProblem("intervention", "workflow.intervention.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidCaseException(problems);
		}
		Locked locked = lockAssignment(assignmentId, version, user, Action.WORK);
		Instant now = this.clock.instant();
		if (locked.assignment.getStatus() == AssignmentStatus.MENUNGGU_RESPON) {
			respond(locked, now, user, text);
		}
		locked.assignment.resolve(intervention, now);
		CaseEvent resolved = event(locked, EventType.RESOLVED, now, user, intervention + ": " + text);
		this.publisher.publishEvent(new AssignmentResolved(resolved.getId(), locked.kase.getId(),
				locked.kase.getTicket(), locked.kase.getKecamatanCode(), locked.assignment.getId(),
				locked.assignment.getDinasCode(), intervention, now));
		followAssignments(locked.kase, resolved, now);
		return locked.kase.getTicket();
	}

	/**
	 * "Bukan kewenangan kami": the assignment closes as returned and the case goes to the
	 * secretariat's triage queue, with a new clock for the secretariat.
	 */
	public String returnToSecretariat(long assignmentId, Long version, String reason, CurrentUser user) {
		String text = text(reason, "reason", MIN_REASON);
		Locked locked = lockAssignment(assignmentId, version, user, Action.RETURN);
		Instant now = this.clock.instant();
		locked.assignment.returnToSecretariat(now);
		CaseEvent returned = event(locked, EventType.RETURNED, now, user, text);
		this.publisher
			.publishEvent(new AssignmentReturned(returned.getId(), locked.kase.getId(), locked.kase.getTicket(),
					locked.kase.getKecamatanCode(), locked.assignment.getId(), locked.assignment.getDinasCode(), now));
		String secretariat = this.agencies.secretariat().code();
		boolean triageOpen = openAssignments(locked.kase).stream().anyMatch(a -> a.getDinasCode().equals(secretariat));
		if (!triageOpen) {
			assign(locked.kase, secretariat, now, user, text);
		}
		followAssignments(locked.kase, returned, now);
		return locked.kase.getTicket();
	}

	public String cancel(long assignmentId, Long version, String reason, CurrentUser user) {
		String text = text(reason, "reason", MIN_REASON);
		Locked locked = lockAssignment(assignmentId, version, user, Action.CANCEL);
		Instant now = this.clock.instant();
		locked.assignment.cancel(now);
		CaseEvent cancelled = event(locked, EventType.CANCELLED, now, user, text);
		this.publisher
			.publishEvent(new AssignmentCancelled(cancelled.getId(), locked.kase.getId(), locked.kase.getTicket(),
					locked.kase.getKecamatanCode(), locked.assignment.getId(), locked.assignment.getDinasCode(), now));
		followAssignments(locked.kase, cancelled, now);
		return locked.kase.getTicket();
	}

	/**
	 * The secretariat assigns the case to one or more dinas, each with a new clock.
	 * Routing a case out of triage counts as the secretariat's response and completes its
	 * triage assignment.
	 */
	public String route(String ticket, Collection<String> dinasCodes, String note, CurrentUser user) {
		requireRole(user, Role.SEKRETARIAT);
		Set<String> targets = new LinkedHashSet<>(dinasCodes == null ? List.of() : dinasCodes);
		Set<String> routable = this.agencies.dinas()
			.stream()
			.filter(d -> d.active() && !d.secretariat())
			.map(DinasRef::code)
			.collect(Collectors.toSet());
		List<FieldProblem> problems = new ArrayList<>();
		String text = optionalText(note, "note", problems);
		if (targets.isEmpty()) {
			problems.add(new FieldProblem("dinasCodes", "workflow.dinas.required"));
		}
		else if (!routable.containsAll(targets)) {
			problems.add(new FieldProblem("dinasCodes", "workflow.dinas.unknown"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidCaseException(problems);
		}
		CaseFile kase = lockCase(ticket, user);
		if (kase.getStatus() == CaseStatus.DITOLAK || kase.getStatus() == CaseStatus.DITUTUP) {
			throw new IllegalTransitionException("workflow.caseFinal");
		}
		List<Assignment> open = openAssignments(kase);
		for (String dinas : targets) {
			if (open.stream().anyMatch(a -> a.getDinasCode().equals(dinas))) {
				throw new InvalidCaseException(
						List.of(new FieldProblem("dinasCodes", "workflow.dinas.alreadyAssigned", dinas)));
			}
		}
		Instant now = this.clock.instant();
		String secretariat = this.agencies.secretariat().code();
		for (Assignment triage : open) {
			if (triage.getDinasCode().equals(secretariat)) {
				triage.completeTriage(now);
				CaseEvent triaged = this.events.save(new CaseEvent(kase.getId(), triage.getId(), EventType.TRIAGED,
						secretariat, now, user, String.join(", ", targets) + (text == null ? "" : " — " + text)));
				this.publisher.publishEvent(new AssignmentTriaged(triaged.getId(), kase.getId(), kase.getTicket(),
						kase.getKecamatanCode(), triage.getId(), secretariat, now));
			}
		}
		for (String dinas : targets) {
			assign(kase, dinas, now, user, text);
		}
		kase.followAssignments(!openAssignments(kase).isEmpty(), now);
		return kase.getTicket();
	}

	/**
	 * Duplicate or out of scope: every open assignment is cancelled and the case is
	 * final.
	 */
	public String reject(String ticket, Long version, String reason, String duplicateOfTicket, CurrentUser user) {
		requireRole(user, Role.SEKRETARIAT);
		List<FieldProblem> problems = new ArrayList<>();
		String text = text(reason, "reason", MIN_REASON, problems);
		Long duplicateOf = null;
		if (duplicateOfTicket != null && !duplicateOfTicket.isBlank()) {
			duplicateOf = this.cases.findByTicket(duplicateOfTicket.trim().toUpperCase())
				.filter(other -> !other.getTicket().equals(ticket))
				.map(CaseFile::getId)
				.orElse(null);
			if (duplicateOf == null) {
				problems.add(new FieldProblem("duplicateOf", "workflow.duplicateOf.unknown"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidCaseException(problems);
		}
		CaseFile kase = lockCase(ticket, user);
		checkVersion(version, kase.getVersion());
		Instant now = this.clock.instant();
		kase.reject(duplicateOf);
		for (Assignment open : openAssignments(kase)) {
			open.cancel(now);
			CaseEvent cancelled = this.events.save(new CaseEvent(kase.getId(), open.getId(), EventType.CANCELLED,
					open.getDinasCode(), now, user, text));
			this.publisher.publishEvent(new AssignmentCancelled(cancelled.getId(), kase.getId(), kase.getTicket(),
					kase.getKecamatanCode(), open.getId(), open.getDinasCode(), now));
		}
		String duplicate = duplicateOf == null ? null : duplicateOfTicket.trim().toUpperCase();
		CaseEvent rejected = this.events.save(new CaseEvent(kase.getId(), null, EventType.REJECTED, null, now, user,
				duplicate == null ? text : duplicate + " — " + text));
		this.publisher.publishEvent(new CaseRejected(rejected.getId(), kase.getId(), kase.getTicket(),
				kase.getKecamatanCode(), duplicate, now));
		return kase.getTicket();
	}

	/**
	 * The UPT confirmed with the resident; only once every assignment is resolved or
	 * cancelled.
	 */
	public String close(String ticket, Long version, String note, CurrentUser user) {
		requireRole(user, Role.OPERATOR_UPT);
		String text = text(note, "note", MIN_REASON);
		CaseFile kase = lockCase(ticket, user);
		checkVersion(version, kase.getVersion());
		Instant now = this.clock.instant();
		kase.close(now);
		CaseEvent closed = this.events.save(new CaseEvent(kase.getId(), null, EventType.CLOSED, null, now, user, text));
		this.publisher
			.publishEvent(new CaseClosed(closed.getId(), kase.getId(), kase.getTicket(), kase.getKecamatanCode(), now));
		return kase.getTicket();
	}

	/**
	 * Reopening with a reason and categories: new assignments, new clocks; the history
	 * stays.
	 */
	public String reopen(String ticket, Long version, String reason, Collection<String> categories, CurrentUser user) {
		requireRole(user, Role.OPERATOR_UPT);
		List<FieldProblem> problems = new ArrayList<>();
		String text = text(reason, "reason", MIN_REASON, problems);
		Set<String> chosen = new LinkedHashSet<>(categories == null ? List.of() : categories);
		Set<String> known = this.agencies.categories().stream().map(CategoryRef::code).collect(Collectors.toSet());
		if (chosen.isEmpty()) {
			problems.add(new FieldProblem("categories", "case.categories.required"));
		}
		else if (!known.containsAll(chosen)) {
			problems.add(new FieldProblem("categories", "case.categories.unknown"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidCaseException(problems);
		}
		CaseFile kase = lockCase(ticket, user);
		checkVersion(version, kase.getVersion());
		Instant now = this.clock.instant();
		kase.reopen(chosen);
		CaseEvent reopened = this.events
			.save(new CaseEvent(kase.getId(), null, EventType.REOPENED, null, now, user, text));
		this.publisher.publishEvent(
				new CaseReopened(reopened.getId(), kase.getId(), kase.getTicket(), kase.getKecamatanCode(), now));
		for (String dinas : this.agencies.route(chosen, kase.getKecamatanCode())) {
			assign(kase, dinas, now, user, null);
		}
		return kase.getTicket();
	}

	/**
	 * The resident answered "Belum tertangani" on a resolved or closed case: it reopens
	 * with one new assignment to the secretariat for triage, made the one way (a new
	 * clock, a ROUTED event, {@code AssignmentRouted}), in the resident's name. The
	 * caller has locked the case row and recorded the resident's RESIDENT_REOPENED event
	 * ({@code residentEventId}), which {@link CaseReopened} names.
	 */
	public void reopenForResident(CaseFile lockedCase, long residentEventId, String actorName, Instant now) {
		lockedCase.reopen(Set.of());
		this.publisher.publishEvent(new CaseReopened(residentEventId, lockedCase.getId(), lockedCase.getTicket(),
				lockedCase.getKecamatanCode(), now));
		this.assigning.assignByResident(lockedCase.getId(), this.agencies.secretariat().code(), now, actorName, null);
	}

	private enum Action {

		/**
		 * respond, progress, resolve: the assignment's own dinas (the secretariat for its
		 * triage).
		 */
		WORK,
		/** return: the assignment's own dinas, not the secretariat. */
		RETURN,
		/** cancel: the secretariat. */
		CANCEL

	}

	private record Locked(CaseFile kase, Assignment assignment) {
	}

	private Locked lockAssignment(long assignmentId, Long version, CurrentUser user, Action action) {
		Long caseId = this.jdbc.sql("SELECT case_id FROM assignment WHERE id = :id")
			.param("id", assignmentId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("No assignment " + assignmentId));
		CaseFile kase = this.cases.lockById(caseId).orElseThrow();
		Assignment assignment = this.assignments.findById(assignmentId).orElseThrow();
		String secretariat = this.agencies.secretariat().code();
		boolean own = user.role() == Role.PETUGAS_DINAS && assignment.getDinasCode().equals(user.dinasCode());
		boolean secretariatUser = user.role() == Role.SEKRETARIAT;
		if (user.role() == Role.PETUGAS_DINAS && !own) {
			throw new NotFoundException("Assignment " + assignmentId + " is not of dinas " + user.dinasCode());
		}
		boolean allowed = switch (action) {
			case WORK -> own || (secretariatUser && assignment.getDinasCode().equals(secretariat));
			case RETURN -> own;
			case CANCEL -> secretariatUser;
		};
		if (!allowed) {
			throw new ForbiddenActionException(user.role() + " may not " + action + " assignment " + assignmentId);
		}
		checkVersion(version, assignment.getVersion());
		return new Locked(kase, assignment);
	}

	private CaseFile lockCase(String ticket, CurrentUser user) {
		CaseFile kase = this.cases.lockByTicket(ticket).orElseThrow(() -> new NotFoundException("No case " + ticket));
		if (user.role() == Role.OPERATOR_UPT && !kase.getKecamatanCode().equals(user.kecamatanCode())) {
			throw new NotFoundException("Case " + ticket + " is outside kecamatan " + user.kecamatanCode());
		}
		return kase;
	}

	private void assign(CaseFile kase, String dinas, Instant now, CurrentUser user, String note) {
		this.assigning.assign(kase.getId(), dinas, now, user, note);
	}

	private List<Assignment> openAssignments(CaseFile kase) {
		return this.assignments.findByCaseId(kase.getId()).stream().filter(a -> a.getStatus().open()).toList();
	}

	/**
	 * The case follows its assignments; when the last one has ended (resolved,
	 * cancelled), it waits for the kecamatan's UPT to call the resident and close it:
	 * {@link CaseAwaitingConfirmation}.
	 */
	private void followAssignments(CaseFile kase, CaseEvent cause, Instant now) {
		boolean wasOpen = kase.isOpen();
		kase.followAssignments(!openAssignments(kase).isEmpty(), now);
		if (wasOpen && kase.getStatus() == CaseStatus.SELESAI) {
			this.publisher.publishEvent(new CaseAwaitingConfirmation(cause.getId(), kase.getId(), kase.getTicket(),
					kase.getKecamatanCode(), cause.getDinasCode(), now));
		}
	}

	/**
	 * The written first response, late or not: recorded and published. The first of a
	 * dinas other than the secretariat ends the resident's wait
	 * ({@code case_file.first_response_at}, set once; not mapped on the case, so that
	 * neither this nor a later save of the case changes its version or puts it back).
	 */
	private void respond(Locked locked, Instant now, CurrentUser user, String text) {
		boolean late = locked.assignment.respond(now);
		if (!locked.assignment.getDinasCode().equals(this.agencies.secretariat().code())) {
			this.jdbc
				.sql("UPDATE case_file SET first_response_at = greatest(:now, filed_at) "
						+ "WHERE id = :id AND first_response_at IS NULL")
				.param("now", java.sql.Timestamp.from(now))
				.param("id", locked.kase.getId())
				.update();
		}
		CaseEvent responded = event(locked, late ? EventType.RESPONDED_LATE : EventType.RESPONDED, now, user, text);
		this.publisher.publishEvent(new AssignmentResponded(responded.getId(), locked.kase.getId(),
				locked.kase.getTicket(), locked.kase.getKecamatanCode(), locked.assignment.getId(),
				locked.assignment.getDinasCode(), late, now));
	}

	private CaseEvent event(Locked locked, EventType type, Instant now, CurrentUser user, String note) {
		return this.events.save(new CaseEvent(locked.kase.getId(), locked.assignment.getId(), type,
				locked.assignment.getDinasCode(), now, user, note));
	}

	private static void checkVersion(Long expected, long actual) {
		if (expected != null && expected != actual) {
			throw new CaseChangedException();
		}
	}

	private static void requireRole(CurrentUser user, Role role) {
		if (user.role() != role) {
			throw new ForbiddenActionException(user.role() + " may not do this; only " + role);
		}
	}

	private static String text(String value, String field, int min) {
		List<FieldProblem> problems = new ArrayList<>();
		String text = text(value, field, min, problems);
		if (!problems.isEmpty()) {
			throw new InvalidCaseException(problems);
		}
		return text;
	}

	private static String text(String value, String field, int min, List<FieldProblem> problems) {
		String text = value == null ? "" : value.strip();
		if (text.length() < min) {
			problems.add(new FieldProblem(field, "workflow.text.short", min));
		}
		else if (text.length() > MAX_TEXT) {
			problems.add(new FieldProblem(field, "case.tooLong", MAX_TEXT));
		}
		return text;
	}

	private static String optionalText(String value, String field, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return text(value, field, 1, problems);
	}

}
