package id.ugdkemiskinan.cases.receipt;

import id.ugdkemiskinan.cases.ReceiptIssued;
import id.ugdkemiskinan.cases.domain.AccessCodes;
import id.ugdkemiskinan.cases.domain.CaseEvent;
import id.ugdkemiskinan.cases.domain.CaseEventRepository;
import id.ugdkemiskinan.cases.domain.EventType;
import id.ugdkemiskinan.cases.query.CaseScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import static id.ugdkemiskinan.common.SqlTime.instant;
import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * The receipt, for the operators of the case's kecamatan only (the ones who may file
 * there): for anyone else the case has no receipt (404). Every showing of it (page, PDF,
 * WhatsApp) is an event of the timeline: the first {@code RECEIPT_ISSUED} (and the case's
 * {@code receipt_issued_at}), later ones {@code RECEIPT_REPRINTED}; each publishes
 * {@link ReceiptIssued}. The same user's page or PDF again within ten minutes (a reload,
 * the print dialog) is the same showing. The QR image alone records nothing (it holds no
 * code).
 */
@Service
public class Receipts {

	/**
	 * The medium of a showing, as {@link ReceiptIssued#medium()} and the event's note.
	 */
	enum Medium {

		PRINT, PDF, WHATSAPP

	}

	private final JdbcClient jdbc;

	private final CaseEventRepository events;

	/** Showings of one user, one medium, within this time are one showing. */
	static final Duration ONE_SHOWING = Duration.ofMinutes(10);

	private final ApplicationEventPublisher publisher;

	private final TransactionTemplate transaction;

	private final StatusLinks links;

	private final Clock clock;

	Receipts(JdbcClient jdbc, CaseEventRepository events, ApplicationEventPublisher publisher,
			TransactionTemplate transaction, StatusLinks links, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.publisher = publisher;
		this.transaction = transaction;
		this.links = links;
		this.clock = clock;
	}

	/** Whether the user may be given the receipt of cases of this kecamatan. */
	public static boolean mayIssue(CurrentUser user, String kecamatanCode) {
		return user.role() == Role.OPERATOR_UPT && kecamatanCode.equals(user.kecamatanCode());
	}

	/** The receipt, without recording a showing (for the QR image). */
	ReceiptView find(String ticket, CurrentUser user) {
		return view(ticket, user).orElseThrow(() -> new NotFoundException("No receipt of " + ticket + " for user"));
	}

	/**
	 * The receipt shown (printed, downloaded or sent): records the showing and publishes
	 * it.
	 * @throws NotFoundException when the user may not see it
	 */
	ReceiptView show(String ticket, CurrentUser user, Medium medium) {
		ReceiptView view = find(ticket, user);
		Instant now = this.clock.instant();
		this.transaction.executeWithoutResult(status -> {
			boolean first = this.jdbc.sql("""
					UPDATE case_file SET receipt_issued_at = :now WHERE id = :id AND receipt_issued_at IS NULL""")
				.param("now", utc(now))
				.param("id", view.caseId())
				.update() == 1;
			if (!first && medium != Medium.WHATSAPP && shownJustBefore(view.caseId(), user, medium, now)) {
				// The same page again (a reload, the print dialog): one showing.
				return;
			}
			CaseEvent event = this.events.save(new CaseEvent(view.caseId(), null,
					first ? EventType.RECEIPT_ISSUED : EventType.RECEIPT_REPRINTED, null, now, user, medium.name()));
			this.publisher.publishEvent(new ReceiptIssued(event.getId(), view.caseId(), view.ticket(),
					view.kecamatanCode(), medium.name(), !first, now));
		});
		return view;
	}

	/**
	 * Whether the user showed the receipt the same way within {@link #ONE_SHOWING}: a
	 * reload is not a new showing.
	 */
	private boolean shownJustBefore(long caseId, CurrentUser user, Medium medium, Instant now) {
		return this.jdbc
			.sql("""
					SELECT EXISTS (SELECT 1 FROM case_event
					               WHERE case_id = :c AND actor_id = :user AND type IN ('RECEIPT_ISSUED', 'RECEIPT_REPRINTED')
					                 AND note = :medium AND occurred_at > :since)""")
			.param("c", caseId)
			.param("user", user.id())
			.param("medium", medium.name())
			.param("since", utc(now.minus(ONE_SHOWING)))
			.query(Boolean.class)
			.single();
	}

	/** The access code of a case in the user's scope (for the API's answer at filing). */
	public Optional<String> accessCode(String ticket, CaseScope scope) {
		if (scope.role() != Role.OPERATOR_UPT && scope.role() != Role.SEKRETARIAT) {
			return Optional.empty();
		}
		boolean operator = scope.role() == Role.OPERATOR_UPT;
		return this.jdbc
			.sql("SELECT access_code FROM case_file WHERE ticket = :ticket"
					+ (operator ? " AND kecamatan_code = :kecamatan" : ""))
			.param("ticket", ticket)
			.param("kecamatan", operator ? scope.kecamatanCode() : "")
			.query(String.class)
			.optional();
	}

	private Optional<ReceiptView> view(String ticket, CurrentUser user) {
		if (user.role() != Role.OPERATOR_UPT || user.kecamatanCode() == null) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("""
					SELECT c.id, c.ticket, c.access_code, c.filed_at, c.filed_by, c.kecamatan_code, k.name AS kecamatan_name,
					       c.receipt_issued_at, rc.phone AS consent_phone,
					       contact.phone AS contact_phone, contact.email AS contact_email
					FROM case_file c
					JOIN kecamatan k ON k.code = c.kecamatan_code
					LEFT JOIN resident_consent rc ON rc.case_id = c.id AND rc.withdrawn_at IS NULL
					LEFT JOIN LATERAL (
					    SELECT u.phone, u.email FROM app_user u
					    WHERE u.role = 'OPERATOR_UPT' AND u.kecamatan_code = c.kecamatan_code AND u.enabled
					      AND (u.phone IS NOT NULL OR u.email IS NOT NULL)
					    ORDER BY (u.id = c.filed_by) DESC, u.id LIMIT 1) contact ON TRUE
					WHERE c.ticket = :ticket AND c.kecamatan_code = :kecamatan""")
			.param("ticket", ticket)
			.param("kecamatan", user.kecamatanCode())
			.query((rs, n) -> new ReceiptView(rs.getLong("id"), rs.getString("ticket"),
					AccessCodes.format(rs.getString("access_code")), instant(rs, "filed_at"),
					rs.getString("kecamatan_code"), rs.getString("kecamatan_name"), List.of(),
					rs.getString("contact_phone"), rs.getString("contact_email"), this.links.statusPage(),
					this.links.statusPageOf(rs.getString("ticket")), instant(rs, "receipt_issued_at"),
					rs.getString("consent_phone")))
			.optional()
			.map(this::withDinas);
	}

	private ReceiptView withDinas(ReceiptView view) {
		List<ReceiptView.DinasDue> dinas = this.jdbc.sql("""
				SELECT d.name, a.due_at, a.due_in_working_hours FROM assignment a JOIN dinas d ON d.code = a.dinas_code
				WHERE a.case_id = :id AND a.status NOT IN ('DIKEMBALIKAN', 'DIBATALKAN')
				ORDER BY a.assigned_at, a.id""")
			.param("id", view.caseId())
			.query((rs, n) -> new ReceiptView.DinasDue(rs.getString("name"), instant(rs, "due_at"),
					rs.getBoolean("due_in_working_hours")))
			.list();
		return new ReceiptView(view.caseId(), view.ticket(), view.accessCode(), view.filedAt(), view.kecamatanCode(),
				view.kecamatanName(), dinas, view.contactPhone(), view.contactEmail(), view.statusPage(),
				view.statusPageOfCase(), view.receiptIssuedAt(), view.consentPhone());
	}

}
