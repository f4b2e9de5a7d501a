package id.ugdkemiskinan.delivery.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.ugdkemiskinan.common.DemoMode;
import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import id.ugdkemiskinan.delivery.DeliveryProperties;
import id.ugdkemiskinan.delivery.channel.Channel;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes deliveries: for each subject (one event, or one day's digest) one row per
 * recipient and active channel, under the key {@code <subject key>:u<user>:<channel>} (a
 * duty contact {@code :d<dinas>:}, the webhook {@code :webhook}), so that writing the
 * same subject again writes nothing. Who receives which kind is decided here and only
 * here, in one statement per batch of subjects; a person's choices
 * ({@code delivery_preference}, else {@link DeliveryKind}'s defaults) and contacts decide
 * the channels. A channel is active when it is configured, and every channel is in demo
 * mode (there, what is not configured goes to the Kotak keluar) unless
 * {@code ugd.delivery.demo-outbox} is off.
 */
@Component
public class Outbox {

	private static final String INSERT = """
			INSERT INTO delivery (delivery_key, kind, channel, user_id, duty_dinas_code, recipient, recipient_label,
			                      event_id, case_id, assignment_id, ticket, params, status, next_attempt_at,
			                      created_at, updated_at)
			""";

	private static final String SUBJECTS = """
			WITH s AS (
			  SELECT * FROM unnest(CAST(:keys AS text[]), CAST(:events AS bigint[]), CAST(:cases AS bigint[]),
			                       CAST(:assignments AS bigint[]), CAST(:tickets AS text[]), CAST(:dinas AS text[]),
			                       CAST(:kecamatan AS text[]), CAST(:darurat AS boolean[]), CAST(:params AS text[]))
			    AS s (key, event_id, case_id, assignment_id, ticket, dinas_code, kecamatan_code, darurat, params)
			), c AS (
			  SELECT channel FROM unnest(CAST(:channels AS text[])) AS c (channel) WHERE channel <> 'WEBHOOK'
			)
			""";

	private static final String TO_USERS = """
			SELECT s.key || ':u' || u.id || ':' || c.channel, :kind, c.channel, u.id, NULL,
			       CASE c.channel WHEN 'EMAIL' THEN u.email ELSE u.phone END, u.full_name,
			       s.event_id, s.case_id, s.assignment_id, s.ticket, CAST(s.params AS jsonb), 'PENDING', CAST(:now AS timestamptz), CAST(:now AS timestamptz), CAST(:now AS timestamptz)
			FROM s JOIN app_user u ON u.enabled AND (%s)
			CROSS JOIN c
			LEFT JOIN delivery_preference p ON p.user_id = u.id AND p.kind = :kind AND p.channel = c.channel
			LEFT JOIN delivery_preference pd ON pd.user_id = u.id AND pd.kind = 'DARURAT' AND pd.channel = c.channel
			WHERE CASE c.channel WHEN 'EMAIL' THEN u.email ELSE u.phone END IS NOT NULL
			  AND (coalesce(p.enabled, c.channel = ANY (CAST(:kindDefaults AS text[])))
			       OR (s.darurat AND coalesce(pd.enabled, c.channel = ANY (CAST(:daruratDefaults AS text[])))))
			""";

	private static final String TO_DUTY_CONTACTS = """
			SELECT s.key || ':d' || dc.dinas_code || ':' || c.channel, :kind, c.channel, NULL, dc.dinas_code,
			       CASE c.channel WHEN 'EMAIL' THEN dc.email ELSE dc.phone END, 'Piket ' || d.name,
			       s.event_id, s.case_id, s.assignment_id, s.ticket, CAST(s.params AS jsonb), 'PENDING', CAST(:now AS timestamptz), CAST(:now AS timestamptz), CAST(:now AS timestamptz)
			FROM s JOIN dinas_duty_contact dc ON dc.dinas_code = s.dinas_code
			JOIN dinas d ON d.code = dc.dinas_code
			CROSS JOIN c
			WHERE CASE c.channel WHEN 'EMAIL' THEN dc.email ELSE dc.phone END IS NOT NULL
			""";

	private static final String TO_WEBHOOK = """
			SELECT s.key || ':webhook', :kind, 'WEBHOOK', NULL, NULL, 'webhook', NULL,
			       s.event_id, s.case_id, s.assignment_id, s.ticket, CAST(s.params AS jsonb), 'PENDING', CAST(:now AS timestamptz), CAST(:now AS timestamptz), CAST(:now AS timestamptz)
			FROM s WHERE 'WEBHOOK' = ANY (CAST(:channels AS text[]))
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ObjectProvider<Channel> channels;

	private final DemoMode demo;

	private final DeliveryProperties properties;

	Outbox(JdbcClient jdbc, JsonMapper json, ObjectProvider<Channel> channels, DemoMode demo,
			DeliveryProperties properties) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.json = json;
		this.channels = channels;
		this.demo = demo;
	}

	/**
	 * One message's subject.
	 *
	 * @param key unique for the subject, e.g. {@code e<event id>} or {@code digest:<day>}
	 * @param dinasCode the dinas whose staff and duty contact hear of it, if any
	 * @param kecamatanCode the kecamatan whose UPT hears of it, if any
	 * @param darurat whether it is about a DARURAT case
	 */
	public record Subject(String key, @Nullable Long eventId, @Nullable Long caseId, @Nullable Long assignmentId,
			@Nullable String ticket, @Nullable String dinasCode, @Nullable String kecamatanCode, boolean darurat,
			Map<String, Object> params) {
	}

	/** The channels deliveries are written for now. */
	public Set<ChannelType> activeChannels() {
		Set<ChannelType> active = EnumSet.noneOf(ChannelType.class);
		if (this.demo.enabled() && this.properties.demoOutbox()) {
			active.addAll(EnumSet.allOf(ChannelType.class));
		}
		for (Channel channel : this.channels.orderedStream().toList()) {
			if (channel.configured()) {
				active.add(channel.type());
			}
		}
		return active;
	}

	/**
	 * Writes the deliveries of the subjects, all of the kind, in the caller's transaction
	 * (or its own); answers how many rows were written (none for subjects written
	 * before).
	 */
	@Transactional
	public int enqueue(DeliveryKind kind, List<Subject> subjects, Instant now) {
		Set<ChannelType> active = activeChannels();
		if (subjects.isEmpty() || active.isEmpty()) {
			return 0;
		}
		int size = subjects.size();
		String[] keys = new String[size];
		Long[] events = new Long[size];
		Long[] cases = new Long[size];
		Long[] assignments = new Long[size];
		String[] tickets = new String[size];
		String[] dinas = new String[size];
		String[] kecamatan = new String[size];
		Boolean[] darurat = new Boolean[size];
		String[] params = new String[size];
		for (int i = 0; i < size; i++) {
			Subject subject = subjects.get(i);
			keys[i] = subject.key();
			events[i] = subject.eventId();
			cases[i] = subject.caseId();
			assignments[i] = subject.assignmentId();
			tickets[i] = subject.ticket();
			dinas[i] = subject.dinasCode();
			kecamatan[i] = subject.kecamatanCode();
			darurat[i] = subject.darurat();
			params[i] = this.json.writeValueAsString(subject.params());
		}
		List<String> parts = new ArrayList<>();
		parts.add(TO_USERS.formatted(audience(kind)));
		if (reachesDutyContact(kind)) {
			parts.add(TO_DUTY_CONTACTS);
		}
		if (kind != DeliveryKind.DIGEST) {
			parts.add(TO_WEBHOOK);
		}
		return this.jdbc
			.sql(SUBJECTS + INSERT + String.join("UNION ALL\n", parts) + "ON CONFLICT (delivery_key) DO NOTHING")
			.param("keys", keys)
			.param("events", events)
			.param("cases", cases)
			.param("assignments", assignments)
			.param("tickets", tickets)
			.param("dinas", dinas)
			.param("kecamatan", kecamatan)
			.param("darurat", darurat)
			.param("params", params)
			.param("channels", active.stream().map(Enum::name).toArray(String[]::new))
			.param("kind", kind.name())
			.param("kindDefaults", defaults(kind))
			.param("daruratDefaults", defaults(DeliveryKind.DARURAT))
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Who hears of a kind (the same people as the bell): a condition on {@code u}
	 * ({@code app_user}) and {@code s} (the subject).
	 */
	private static String audience(DeliveryKind kind) {
		return switch (kind) {
			case NEW_ASSIGNMENT -> "u.role = 'PETUGAS_DINAS' AND u.dinas_code = s.dinas_code";
			case TRIAGE, RETURNED -> "u.role = 'SEKRETARIAT'";
			case AT_RISK -> "(u.role = 'PETUGAS_DINAS' AND u.dinas_code = s.dinas_code) OR (u.role = 'SEKRETARIAT'"
					+ " AND EXISTS (SELECT 1 FROM dinas d WHERE d.code = s.dinas_code AND d.secretariat))";
			case BREACHED -> "(u.role = 'PETUGAS_DINAS' AND u.dinas_code = s.dinas_code) OR u.role = 'SEKRETARIAT'";
			// A level of the escalation chain: its recipients (roles, the dinas's own
			// staff
			// for PETUGAS_DINAS, or named accounts); without a level, the leadership.
			case ESCALATED ->
				"CASE WHEN CAST(s.params AS jsonb) ->> 'escalationLevel' IS NOT NULL THEN EXISTS (SELECT 1 FROM"
						+ " escalation_recipient r WHERE r.level = CAST(CAST(s.params AS jsonb) ->> 'escalationLevel' AS integer)"
						+ " AND (r.user_id = u.id OR r.role = u.role AND (u.role <> 'PETUGAS_DINAS'"
						+ " OR u.dinas_code = s.dinas_code))) ELSE u.role = 'PIMPINAN' END";
			case DIGEST -> "u.role = 'PIMPINAN'";
			case AWAITING_CONFIRMATION, CASE_REJECTED ->
				"u.role = 'OPERATOR_UPT' AND u.kecamatan_code = s.kecamatan_code";
			case RESIDENT_REOPENED ->
				"u.role = 'SEKRETARIAT' OR (u.role = 'OPERATOR_UPT' AND u.kecamatan_code = s.kecamatan_code)";
			case DARURAT, INBOX_REPLY, RESIDENT_RECEIPT, RESIDENT_RESPONDED, RESIDENT_RESOLVED, RESIDENT_CLOSED ->
				throw new IllegalArgumentException(kind + " is not written for accounts");
		};
	}

	/** A dinas's duty contact hears what its staff hear of their assignments. */
	private static boolean reachesDutyContact(DeliveryKind kind) {
		return kind == DeliveryKind.NEW_ASSIGNMENT || kind == DeliveryKind.TRIAGE || kind == DeliveryKind.AT_RISK
				|| kind == DeliveryKind.BREACHED;
	}

	private static String[] defaults(DeliveryKind kind) {
		return EnumSet.of(ChannelType.EMAIL, ChannelType.WHATSAPP)
			.stream()
			.filter(kind::byDefault)
			.map(Enum::name)
			.toArray(String[]::new);
	}

}
