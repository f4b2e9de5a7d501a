package id.ugdkemiskinan.residents.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.residents.registry.RegistryScope;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.instant;

/**
 * What the filing form shows once a NIK (or, without one, a KK) is typed: for a resident
 * whose household is in the operator's scope, the household, its cases (open ones first:
 * the possible duplicates), the aid it received and its desil; for one registered in
 * another kecamatan only that kecamatan and whom to call there; for one not registered,
 * that nothing is recorded.
 */
@Component
@Transactional(readOnly = true)
public class IntakePanel {

	static final int MAX_CASES = 10;

	static final int MAX_MEMBERS = 20;

	private final JdbcClient jdbc;

	private final NeverHelped neverHelped;

	private final Clock clock;

	private final TimeProperties time;

	IntakePanel(JdbcClient jdbc, NeverHelped neverHelped, Clock clock, TimeProperties time) {
		this.jdbc = jdbc;
		this.neverHelped = neverHelped;
		this.clock = clock;
		this.time = time;
	}

	/** What the panel says. */
	public sealed interface View {

	}

	/** Nobody of this NIK or KK is registered; no aid is recorded. */
	public record NotRegistered(boolean neverHelped, int months) implements View {
	}

	/**
	 * Registered in a kecamatan outside the user's scope: only where, and whom to call.
	 */
	public record Elsewhere(String kecamatanName, List<Contact> contacts) implements View {
	}

	/** The household in scope, with its history. */
	public record Known(@Nullable Long personId, @Nullable String personName, long householdId, @Nullable String kk,
			String address, String desaName, List<Member> members, int memberCount, List<CaseRow> cases, List<Aid> aid,
			@Nullable Desil desil, boolean neverHelped, int months) implements View {

		public long openCases() {
			return this.cases.stream().filter(CaseRow::open).count();
		}

	}

	public record Contact(String name, @Nullable String phone, @Nullable String email) {
	}

	public record Member(long id, String name, @Nullable String sex, @Nullable LocalDate birthDate) {
	}

	public record CaseRow(String ticket, String status, Instant filedAt, String beneficiaryName,
			@Nullable String categories) {

		public boolean open() {
			return "TERBUKA".equals(this.status);
		}

	}

	/** One kind of aid: since when, how often, the latest. */
	public record Aid(String intervention, @Nullable String provider, LocalDate since, LocalDate latest, int times) {
	}

	public record Desil(int desil, String source, LocalDate asOf) {
	}

	private record Found(@Nullable Long personId, @Nullable String personName, long householdId, String kecamatanName,
			boolean visible, @Nullable String kk, String address, String desaName, @Nullable Desil desil,
			boolean neverHelped, int months) {
	}

	/**
	 * The person of the NIK (or the household of the KK) with their household, where it
	 * is, whether the scope sees it and whether aid is recorded within the admin's
	 * period: one statement.
	 */
	private static final String FOUND = """
			SELECT p.id AS person_id, p.name AS person_name, h.id AS household_id, k.name AS kecamatan_name,
			       (%s) AS visible, h.kk, h.address, d.name AS desa_name, h.desil, h.desil_source, h.desil_as_of,
			       s.never_helped_months AS months,
			       NOT (coalesce(h.last_helped_on >= (:today - make_interval(months => s.never_helped_months))::date,
			                     false)
			            OR EXISTS (SELECT 1 FROM intervention_received r
			                       JOIN intervention i ON i.code = r.intervention_code AND NOT i.data_correction
			                       WHERE r.person_id = p.id
			                       AND r.received_on >= (:today - make_interval(months => s.never_helped_months))::date))
			           AS never_helped
			FROM %s
			JOIN kecamatan k ON k.code = h.kecamatan_code
			JOIN desa d ON d.code = h.desa_code
			CROSS JOIN registry_setting s
			WHERE %s""";

	/** The panel for a 16-digit NIK, or (nik null) a 16-digit KK. */
	public View lookUp(@Nullable String nik, @Nullable String kk, RegistryScope scope) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("today", LocalDate.ofInstant(this.clock.instant(), this.time.zone()));
		String sql;
		if (nik != null) {
			params.put("nik", nik);
			sql = FOUND.formatted(scope.sqlCondition(), "person p JOIN household h ON h.id = p.household_id",
					"p.nik = :nik");
		}
		else {
			params.put("kk", kk);
			sql = FOUND.formatted(scope.sqlCondition(), "household h LEFT JOIN person p ON false", "h.kk = :kk");
		}
		Optional<Found> found = this.jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new Found((Long) rs.getObject("person_id"), rs.getString("person_name"),
					rs.getLong("household_id"), rs.getString("kecamatan_name"), rs.getBoolean("visible"),
					rs.getString("kk"), rs.getString("address"), rs.getString("desa_name"),
					(rs.getObject("desil") == null) ? null
							: new Desil(rs.getInt("desil"), rs.getString("desil_source"),
									rs.getObject("desil_as_of", LocalDate.class)),
					rs.getBoolean("never_helped"), rs.getInt("months")))
			.optional();
		if (found.isEmpty()) {
			return new NotRegistered(this.neverHelped.neverHelped(nik, kk), this.neverHelped.months());
		}
		Found f = found.get();
		if (!f.visible()) {
			return new Elsewhere(f.kecamatanName(), contacts(f.householdId()));
		}
		return known(f);
	}

	private List<Contact> contacts(long householdId) {
		return this.jdbc.sql("""
				SELECT u.full_name, u.phone, u.email FROM app_user u
				WHERE u.role = 'OPERATOR_UPT' AND u.enabled
				  AND u.kecamatan_code = (SELECT kecamatan_code FROM household WHERE id = :h)
				ORDER BY u.full_name LIMIT 3""")
			.param("h", householdId)
			.query((rs, n) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private Known known(Found f) {
		long h = f.householdId();
		int[] memberCount = { 0 };
		List<Member> members = this.jdbc.sql("""
				SELECT id, name, sex, birth_date, count(*) OVER () FROM person WHERE household_id = :h
				ORDER BY name, id LIMIT :max""").param("h", h).param("max", MAX_MEMBERS).query((rs, n) -> {
			memberCount[0] = rs.getInt(5);
			return new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class));
		}).list();
		List<CaseRow> cases = this.jdbc.sql("""
				SELECT c.ticket, c.status, c.filed_at, c.beneficiary_name,
				       (SELECT string_agg(cat.name, ', ' ORDER BY cat.sort_order) FROM case_category cc
				        JOIN category cat ON cat.code = cc.category_code WHERE cc.case_id = c.id) AS categories
				FROM person p JOIN person_case pc ON pc.person_id = p.id JOIN case_file c ON c.id = pc.case_id
				WHERE p.household_id = :h
				ORDER BY (c.status = 'TERBUKA') DESC, c.filed_at DESC LIMIT :max""")
			.param("h", h)
			.param("max", MAX_CASES)
			.query((rs, n) -> new CaseRow(rs.getString(1), rs.getString(2), instant(rs, "filed_at"), rs.getString(4),
					rs.getString(5)))
			.list();
		List<Aid> aid = this.jdbc.sql("""
				SELECT i.name, pr.name, min(r.received_on), max(r.received_on), count(*)
				FROM intervention_received r JOIN intervention i ON i.code = r.intervention_code
				LEFT JOIN provider pr ON pr.code = r.provider_code
				WHERE r.household_id = :h
				GROUP BY i.name, pr.name ORDER BY max(r.received_on) DESC LIMIT 20""")
			.param("h", h)
			.query((rs, n) -> new Aid(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getInt(5)))
			.list();
		return new Known(f.personId(), f.personName(), h, f.kk(), f.address(), f.desaName(), members, memberCount[0],
				cases, aid, f.desil(), f.neverHelped(), f.months());
	}

}
