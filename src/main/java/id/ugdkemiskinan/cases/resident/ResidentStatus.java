package id.ugdkemiskinan.cases.resident;

import id.ugdkemiskinan.cases.domain.AssignmentStatus;
import id.ugdkemiskinan.cases.domain.CaseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the status page may show of a case, and nothing more: no names, no NIK or KK, no
 * address or phone, no staff, no notes or reasons, no access code (built by
 * {@link ResidentStatusQuery} from exactly these columns).
 *
 * @param answerAsked whether the page asks "sudah tertangani?" now
 * @param lastAnswer the resident's latest answer, if any
 * @param consentActive whether the resident receives updates (and may stop them)
 */
public record ResidentStatus(String ticket, CaseStatus status, Instant filedAt, @Nullable Instant resolvedAt,
		@Nullable Instant closedAt, List<String> categories, List<Part> parts, boolean answerAsked,
		@Nullable Instant answerUntil, @Nullable Answer lastAnswer, boolean consentActive) {

	/** The state of the case in the resident's words: the key of its text. */
	public String stateKey() {
		return "resident.state." + this.status.name();
	}

	/**
	 * One dinas's part: its promise and how it kept it, and what it gave;
	 * {@code workingHours} when the due time counts a calendar's open hours only (then
	 * the promise is said as the due time, not as a span that would include the nights).
	 */
	public record Part(String dinasName, AssignmentStatus status, Instant assignedAt, Instant dueAt,
			@Nullable Instant respondedAt, @Nullable String interventionName, boolean workingHours) {

		/** Returned or cancelled: only "dialihkan" is shown. */
		public boolean moved() {
			return this.status == AssignmentStatus.DIKEMBALIKAN || this.status == AssignmentStatus.DIBATALKAN;
		}

		public Duration promised() {
			return Duration.between(this.assignedAt, this.dueAt);
		}

		/** From the assignment to the first response, once responded. */
		public @Nullable Duration responseTime() {
			return this.respondedAt == null ? null : Duration.between(this.assignedAt, this.respondedAt);
		}

		public boolean respondedLate() {
			return this.respondedAt != null && this.respondedAt.isAfter(this.dueAt);
		}

		/** Still without response after its due time (at the instant of the request). */
		public boolean late(Instant now) {
			return !moved() && this.respondedAt == null && !now.isBefore(this.dueAt);
		}

	}

	/** The resident's answer: "Sudah" with its rating, or "Belum". */
	public record Answer(boolean resolved, @Nullable Integer rating, Instant answeredAt) {
	}

}
