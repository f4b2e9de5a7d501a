package id.ugdkemiskinan.cases.receipt;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the receipt shows: the ticket, the access code as people read it
 * ({@code ABCDE-FGHJK}), when it was filed, each dinas with its due time, the UPT's
 * contact, and where to check the status.
 *
 * @param contactPhone the UPT's phone (the filing operator's, else another operator's of
 * the kecamatan), if any is set
 * @param consentPhone the phone that agreed to updates, while the consent stands
 */
public record ReceiptView(long caseId, String ticket, String accessCode, Instant filedAt, String kecamatanCode,
		String kecamatanName, List<DinasDue> dinas, @Nullable String contactPhone, @Nullable String contactEmail,
		String statusPage, String statusPageOfCase, @Nullable Instant receiptIssuedAt, @Nullable String consentPhone) {

	/**
	 * A dinas the case went to, and by when it must respond; {@code workingHours} when
	 * that time was counted in a calendar's open hours.
	 */
	public record DinasDue(String name, Instant dueAt, boolean workingHours) {

		/** The message key of the due line: the calendar's hours are said. */
		public String dueByKey() {
			return this.workingHours ? "receipt.dueBy.workingHours" : "receipt.dueBy";
		}

	}

}
