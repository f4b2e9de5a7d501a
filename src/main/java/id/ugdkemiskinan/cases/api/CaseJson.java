package id.ugdkemiskinan.cases.api;

import id.ugdkemiskinan.cases.domain.AssignmentStatus;
import id.ugdkemiskinan.cases.domain.CaseStatus;
import id.ugdkemiskinan.cases.domain.Channel;
import id.ugdkemiskinan.cases.domain.EventType;
import id.ugdkemiskinan.cases.domain.Priority;
import id.ugdkemiskinan.cases.domain.Vulnerability;
import id.ugdkemiskinan.cases.intake.FileCaseCommand;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The API's view of cases. Timestamps in ISO-8601 with the kabupaten's offset. */
final class CaseJson {

	private CaseJson() {
	}

	/** A filing request: {@code POST /api/v1/cases}. */
	public record FileCaseRequest(String desaCode, String address, String rt, String rw, String latitude,
			String longitude, String channel, List<String> categories, String description, BeneficiaryJson beneficiary,
			ReporterJson reporter, List<String> vulnerabilities, Boolean residentConsent) {

		FileCaseCommand command() {
			BeneficiaryJson b = this.beneficiary == null ? new BeneficiaryJson(null, null, null, null, null)
					: this.beneficiary;
			ReporterJson r = this.reporter == null ? new ReporterJson(null, null, null, null) : this.reporter;
			// A reason for a missing NIK means "no NIK", as the form's checkbox: sent
			// with a NIK, both are refused.
			boolean nikUnknown = b.nikUnknownReason() != null && !b.nikUnknownReason().isBlank();
			return new FileCaseCommand(this.desaCode, this.address, this.rt, this.rw, this.latitude, this.longitude,
					this.channel, this.categories, this.description, b.name(), b.nik(), nikUnknown,
					b.nikUnknownReason(), b.kk(), b.phone(), r.name(), r.phone(), r.relation(),
					Boolean.TRUE.equals(r.confidential()), this.vulnerabilities,
					Boolean.TRUE.equals(this.residentConsent), null);
		}

	}

	public record BeneficiaryJson(String name, String nik, String nikUnknownReason, String kk, String phone) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ReporterJson(String name, String phone, String relation, Boolean confidential) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CaseResponse(String ticket, String accessCode, CaseStatus status, Priority priority,
			String kecamatanCode, String desaCode, Channel channel, List<String> categories,
			List<Vulnerability> vulnerabilities, OffsetDateTime filedAt, List<AssignmentJson> assignments,
			List<String> possibleDuplicates, BeneficiaryJson beneficiary, ReporterJson reporter, Boolean reporterHidden,
			String address, String rt, String rw, String description, List<EventJson> timeline,
			List<AnswerJson> answers) {
	}

	/** The answer to one of a category's extra questions, with the question as asked. */
	public record AnswerJson(String category, String question, String answer) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AssignmentJson(long id, long version, String dinasCode, AssignmentStatus status,
			OffsetDateTime assignedAt, OffsetDateTime dueAt, OffsetDateTime respondedAt, OffsetDateTime resolvedAt,
			String intervention, String slaState) {
	}

	/** An assignment in a queue, or the one an action changed, with its case's ticket. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record QueueItemJson(String ticket, AssignmentJson assignment, Priority priority, String kecamatanCode,
			List<String> categories) {
	}

	/** A page of a queue; {@code total} as in {@link CaseListResponse}. */
	public record QueueJson(List<QueueItemJson> items, int page, int size, boolean hasNext, long total,
			boolean totalExact) {
	}

	/**
	 * Bodies of the workflow calls; {@code version} (optional) guards against acting on a
	 * stale view.
	 */
	public record NoteRequest(String note, Long version) {
	}

	public record ReasonRequest(String reason, Long version) {
	}

	public record ResolutionRequest(String intervention, String note, Long version) {
	}

	public record RouteRequest(List<String> dinasCodes, String note) {
	}

	public record RejectionRequest(String reason, String duplicateOf, Long version) {
	}

	public record ReopenRequest(String reason, List<String> categories, Long version) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record EventJson(long id, EventType type, OffsetDateTime occurredAt, String actorName, String actorRole,
			String dinasCode, String note) {
	}

	/** A case in a list: NIK masked. */
	public record CaseSummary(String ticket, OffsetDateTime filedAt, String beneficiaryName, String nik,
			String desaName, String kecamatanName, List<String> categories, Priority priority, CaseStatus status,
			int overdueAssignments) {
	}

	/**
	 * A page of cases; {@code total} counted up to 10,000 ({@code totalExact} false
	 * beyond).
	 */
	public record CaseListResponse(List<CaseSummary> items, int page, int size, boolean hasNext, long total,
			boolean totalExact) {
	}

	public record FieldErrorJson(String field, String message) {
	}

}
