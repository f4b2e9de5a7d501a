package id.ugdkemiskinan.cases.query;

import id.ugdkemiskinan.cases.domain.AssignmentStatus;
import id.ugdkemiskinan.cases.domain.CaseStatus;
import id.ugdkemiskinan.cases.domain.Channel;
import id.ugdkemiskinan.cases.domain.EventType;
import id.ugdkemiskinan.cases.domain.Priority;
import id.ugdkemiskinan.cases.domain.Vulnerability;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.sla.SlaState;

/** Read models of cases, built by {@link CaseQueries} straight from SQL. */
public final class CaseViews {

	private CaseViews() {
	}

	/**
	 * Everything the case page shows. {@code nik} is full here (the user is in scope).
	 * The access code is not here: staff pages never show it (only the receipt does);
	 * {@code receiptIssuedAt} says whether the resident was given it.
	 */
	public record CaseDetails(long id, long version, String ticket, Instant receiptIssuedAt, CaseStatus status,
			Priority priority, String kecamatanCode, String kecamatanName, String desaCode, String desaName,
			String address, String rt, String rw, BigDecimal latitude, BigDecimal longitude, String beneficiaryName,
			String nik, String nikUnknownReason, String kk, String beneficiaryPhone, Reporter reporter, Channel channel,
			String description, Instant filedAt, String filedByName, List<String> categories,
			List<Vulnerability> vulnerabilities, List<AssignmentView> assignments, List<AttachmentView> attachments,
			List<EventView> events, String duplicateOfTicket) {

		/**
		 * The timeline's notes as people read them: a resolution is stored as
		 * {@code INTERVENTION_CODE: what was done}; the page names the intervention
		 * instead.
		 */
		public Map<Long, String> resolutionNotes(Map<String, String> interventionNames) {
			Map<Long, String> notes = new HashMap<>();
			for (EventView event : this.events) {
				if (event.type() != EventType.RESOLVED || event.note() == null) {
					continue;
				}
				int colon = event.note().indexOf(':');
				String name = colon > 0 ? interventionNames.get(event.note().substring(0, colon)) : null;
				if (name != null) {
					notes.put(event.id(), name + ":" + event.note().substring(colon + 1));
				}
			}
			return notes;
		}

		boolean open() {
			return this.status == CaseStatus.TERBUKA;
		}

	}

	/**
	 * The reporter, when someone else reported; {@code hidden} when confidential and the
	 * viewer is not the secretariat (then nothing else is filled in).
	 */
	public record Reporter(String name, String phone, String relation, boolean confidential, boolean hidden) {
	}

	/** An assignment with its live SLA state at the moment of the request. */
	public record AssignmentView(long id, long version, String dinasCode, String dinasName, AssignmentStatus status,
			Instant assignedAt, Instant dueAt, Instant respondedAt, Instant closedAt, String interventionCode,
			SlaState slaState, Duration slaDuration, boolean dueInWorkingHours) {

		public boolean open() {
			return this.status.open();
		}

		public boolean waiting() {
			return this.status == AssignmentStatus.MENUNGGU_RESPON;
		}

		/** The resolution instant, for resolved assignments. */
		public Instant resolvedAt() {
			return this.status == AssignmentStatus.SELESAI ? this.closedAt : null;
		}

	}

	/** One line of a dinas queue or the secretariat's triage queue. */
	public record QueueRow(long assignmentId, long assignmentVersion, String ticket, String desaName,
			String kecamatanName, String kecamatanCode, String categories, Priority priority, AssignmentStatus status,
			Instant assignedAt, Instant dueAt, SlaState slaState, Duration slaDuration, String lastReturnReason,
			boolean dueInWorkingHours) {
	}

	/** One page of a queue; {@code counted} as in {@link CasePage}. */
	public record QueuePage(List<QueueRow> rows, long counted) {
	}

	/** One of a dinas's assignments in its history, with the case's resident. */
	public record HistoryRow(long assignmentId, String ticket, String beneficiaryName, String desaName,
			String kecamatanName, String categories, Priority priority, CaseStatus caseStatus, AssignmentStatus status,
			Instant assignedAt, Instant closedAt, SlaState slaState, Duration slaDuration) {
	}

	/** One page of a dinas's history; {@code counted} as in {@link CasePage}. */
	public record HistoryPage(List<HistoryRow> rows, long counted) {
	}

	public record AttachmentView(long id, String filename, String contentType, int sizeBytes) {
	}

	/**
	 * The answer to one of a category's extra questions, with the question as it was
	 * asked when the case was filed.
	 */
	public record CategoryAnswer(String categoryCode, int position, String question, String answer) {
	}

	public record EventView(long id, EventType type, Instant occurredAt, String actorName, String actorRole,
			String dinasCode, String note) {
	}

	/** One row of the case list; NIK masked. */
	public record CaseRow(long id, String ticket, Instant filedAt, String beneficiaryName, String maskedNik,
			String desaName, String kecamatanName, String categories, Priority priority, CaseStatus status,
			int overdueAssignments) {
	}

	/**
	 * One page of the case list, newest first; {@code counted} the matching rows, counted
	 * up to one past {@code Pager.COUNT_CAP} (more is "over 10,000"), to stay fast.
	 */
	public record CasePage(List<CaseRow> rows, int page, int size, boolean hasNext, long counted) {
	}

	/** An open case that may be the same complaint. */
	public record Duplicate(String ticket, String beneficiaryName, String desaName, Instant filedAt) {
	}

	public record AttachmentContent(String filename, String contentType, byte[] content) {
	}

}
