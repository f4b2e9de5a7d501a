package id.ugdkemiskinan.notifications;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications, written in the transaction of the timeline events that cause them, so
 * none is lost or doubled: dinas staff hear of each new assignment to their dinas and each of
 * their assignments at risk or breached (the secretariat likewise for its triage), the secretariat
 * of every breach, the leadership of every escalation. Each person is told of each event once
 * (a unique key on person and event). The events stay the single source: email or WhatsApp
 * gateways can later be fed from the same events.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The statement that notifies everyone concerned by the events in {@code events} (a table or a
	 * CTE with the columns of {@code case_event}: id, case_id, dinas_code, type), with the creation
	 * instant bound as {@code :now}. Who hears of what is decided here and only here.
	 */
	public static String insertNotificationsFor(String events) {
		return """
				INSERT INTO notification (user_id, event_id, case_id, kind, created_at)
				SELECT u.id, e.id, e.case_id, e.type, :now
				FROM %s e
				JOIN dinas d ON d.code = e.dinas_code
				JOIN app_user u ON u.enabled AND (
				       (e.type IN ('ROUTED', 'AT_RISK', 'BREACHED') AND u.role = 'PETUGAS_DINAS' AND u.dinas_code = e.dinas_code)
				    OR (e.type IN ('ROUTED', 'AT_RISK') AND d.secretariat AND u.role = 'SEKRETARIAT')
				    OR (e.type = 'BREACHED' AND u.role = 'SEKRETARIAT')
				    OR (e.type = 'ESCALATED' AND u.role = 'PIMPINAN'))
				ON CONFLICT (user_id, event_id) DO NOTHING""".formatted(events);
	}

	/**
	 * Tells the UPT operators of the case's kecamatan that the case waits for them: every assignment
	 * has ended ({@code AWAITING_CONFIRMATION}: call the resident and close the case) or the
	 * secretariat rejected it ({@code CASE_REJECTED}: tell the resident). Must run inside the
	 * transaction of the event that caused it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int notifyKecamatan(long eventId, String kind, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO notification (user_id, event_id, case_id, kind, created_at)
				SELECT u.id, e.id, e.case_id, :kind, :now
				FROM case_event e
				JOIN case_file c ON c.id = e.case_id
				JOIN app_user u ON u.enabled AND u.role = 'OPERATOR_UPT' AND u.kecamatan_code = c.kecamatan_code
				WHERE e.id = :event
				ON CONFLICT (user_id, event_id) DO NOTHING""")
			.param("kind", kind)
			.param("now", Timestamp.from(now))
			.param("event", eventId)
			.update();
	}

	/** Notifies everyone concerned by this timeline event; must run inside its transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int notifyAbout(long eventId, Instant now) {
		return this.jdbc.sql(insertNotificationsFor("(SELECT id, case_id, dinas_code, type FROM case_event WHERE id = :event)"))
			.param("now", Timestamp.from(now))
			.param("event", eventId)
			.update();
	}

}
