package id.ugdkemiskinan.cases.receipt;

import id.ugdkemiskinan.cases.domain.CaseEvent;
import id.ugdkemiskinan.cases.domain.CaseEventRepository;
import id.ugdkemiskinan.cases.domain.EventType;
import id.ugdkemiskinan.cases.intake.FieldProblem;
import id.ugdkemiskinan.cases.intake.InvalidCaseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.PhoneNumbers;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.instant;
import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * The resident's consent to updates by WhatsApp/SMS ({@code resident_consent}, one row
 * per case): given at filing (the operator ticked it for the beneficiary's mobile
 * number), or recorded later by the kecamatan's UPT (the row given anew); withdrawn by
 * the UPT or the secretariat. Each change is a timeline event ({@code CONSENT_GIVEN} with
 * the phone, {@code CONSENT_WITHDRAWN} with the reason, if any).
 */
@Service
public class ResidentConsents {

	/** The longest reason for a withdrawal. */
	static final int MAX_REASON = 300;

	/** The consent as the case page shows it. */
	public record Consent(String phone, Instant givenAt, String givenByName, @Nullable Instant withdrawnAt,
			@Nullable String withdrawnByName, @Nullable String withdrawnVia) {

		public boolean active() {
			return this.withdrawnAt == null;
		}

	}

	private final JdbcClient jdbc;

	private final CaseEventRepository events;

	private final Clock clock;

	ResidentConsents(JdbcClient jdbc, CaseEventRepository events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** The case's consent, given or withdrawn; empty when never given. */
	@Transactional(readOnly = true)
	public Optional<Consent> of(long caseId) {
		return this.jdbc.sql("""
				SELECT rc.phone, rc.given_at, g.full_name AS given_by_name, rc.withdrawn_at, rc.withdrawn_via,
				       w.full_name AS withdrawn_by_name
				FROM resident_consent rc
				JOIN app_user g ON g.id = rc.given_by
				LEFT JOIN app_user w ON w.id = rc.withdrawn_by
				WHERE rc.case_id = :id""")
			.param("id", caseId)
			.query((rs, n) -> new Consent(rs.getString("phone"), instant(rs, "given_at"), rs.getString("given_by_name"),
					instant(rs, "withdrawn_at"), rs.getString("withdrawn_by_name"), rs.getString("withdrawn_via")))
			.optional();
	}

	/**
	 * Records the consent to the given mobile number (E.164), in the caller's
	 * transaction: at filing, or anew after a withdrawal.
	 */
	public void give(long caseId, String phone, CurrentUser user, Instant now) {
		this.jdbc.sql("""
				INSERT INTO resident_consent (case_id, phone, given_at, given_by) VALUES (:id, :phone, :now, :user)
				ON CONFLICT (case_id) DO UPDATE SET phone = excluded.phone, given_at = excluded.given_at,
				    given_by = excluded.given_by, withdrawn_at = NULL, withdrawn_by = NULL, withdrawn_via = NULL""")
			.param("id", caseId)
			.param("phone", phone)
			.param("now", utc(now))
			.param("user", user.id())
			.update();
		this.events.save(new CaseEvent(caseId, null, EventType.CONSENT_GIVEN, null, now, user, phone));
	}

	/**
	 * The UPT records the resident's consent after filing.
	 * @throws InvalidCaseException with {@code consentPhone} or {@code consentAgreed}
	 * when the number is no mobile number or the box was not ticked
	 * @throws NotFoundException when the case is not of the operator's kecamatan
	 */
	@Transactional
	public String record(String ticket, @Nullable String typedPhone, boolean agreed, CurrentUser user) {
		CaseRef kase = kase(ticket, user, false);
		if (!agreed) {
			throw new InvalidCaseException(List.of(new FieldProblem("consentAgreed", "consent.agreed.required")));
		}
		if (typedPhone == null || typedPhone.isBlank()) {
			throw new InvalidCaseException(List.of(new FieldProblem("consentPhone", "consent.phone.required")));
		}
		String phone = typedPhone.length() > 30 ? null : PhoneNumbers.normalizeMobile(typedPhone).orElse(null);
		if (phone == null) {
			throw new InvalidCaseException(List.of(new FieldProblem("consentPhone", "consent.phone.mobile")));
		}
		give(kase.id(), phone, user, this.clock.instant());
		return kase.ticket();
	}

	/**
	 * Staff withdraw the consent (the resident asked them to).
	 * @throws InvalidCaseException when there is no standing consent or the reason is too
	 * long
	 * @throws NotFoundException when the case is out of the user's reach
	 */
	@Transactional
	public String withdraw(String ticket, @Nullable String reason, CurrentUser user) {
		CaseRef kase = kase(ticket, user, true);
		String note = reason == null || reason.isBlank() ? null : reason.strip();
		if (note != null && note.length() > MAX_REASON) {
			throw new InvalidCaseException(
					List.of(new FieldProblem("withdrawReason", "consent.reason.tooLong", MAX_REASON)));
		}
		Instant now = this.clock.instant();
		int changed = this.jdbc.sql("""
				UPDATE resident_consent SET withdrawn_at = :now, withdrawn_by = :user, withdrawn_via = 'STAFF'
				WHERE case_id = :id AND withdrawn_at IS NULL""")
			.param("now", utc(now))
			.param("user", user.id())
			.param("id", kase.id())
			.update();
		if (changed == 0) {
			throw new InvalidCaseException(List.of(new FieldProblem("withdrawReason", "consent.notActive")));
		}
		this.events.save(new CaseEvent(kase.id(), null, EventType.CONSENT_WITHDRAWN, null, now, user, note));
		return kase.ticket();
	}

	private record CaseRef(long id, String ticket) {
	}

	/**
	 * The case, for its kecamatan's UPT (and for the secretariat when
	 * {@code secretariatToo}); else 404.
	 */
	private CaseRef kase(String ticket, CurrentUser user, boolean secretariatToo) {
		boolean secretariat = secretariatToo && user.role() == Role.SEKRETARIAT;
		if (!secretariat && (user.role() != Role.OPERATOR_UPT || user.kecamatanCode() == null)) {
			throw new NotFoundException("No case " + ticket + " for user");
		}
		return this.jdbc
			.sql("SELECT id, ticket FROM case_file WHERE ticket = :ticket"
					+ (secretariat ? "" : " AND kecamatan_code = :kecamatan"))
			.param("ticket", ticket)
			.param("kecamatan", secretariat ? "" : user.kecamatanCode())
			.query((rs, n) -> new CaseRef(rs.getLong("id"), rs.getString("ticket")))
			.optional()
			.orElseThrow(() -> new NotFoundException("No case " + ticket + " for user"));
	}

}
