package id.ugdkemiskinan.residents.eligible;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.residents.registry.RegistryScope;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Layak belum dibantu" in SQL: the households of one kecamatan (or one desa) with
 * {@code desil <= eligible_max_desil} and no intervention in the last
 * {@code eligible_months} ({@code household.last_helped_on} null or older), in the user's
 * {@link RegistryScope}; vulnerable first (a member 60 or older, a member's case flagged
 * lansia, chronically ill, disabled or living alone, or a household of one), then by
 * desil, then by the first member's name. Driven by the index
 * {@code household_kecamatan_desil} (or {@code household_desa_desil} for a desa); the
 * members, their cases' flags and the last aid are read per household by index. Public
 * for the benchmark.
 */
@Component
@Transactional(readOnly = true)
public class EligibleQueries {

	/** The vulnerability flags of a case that make a household vulnerable. */
	public static final List<String> FLAGS = List.of("LANSIA", "SAKIT_MENAHUN", "DISABILITAS", "HIDUP_SENDIRI");

	/** Age from which a member counts as elderly (lansia). */
	public static final int ELDERLY_AGE = 60;

	/** Rows read from the cursor this many at a time in the export. */
	static final int FETCH_SIZE = 500;

	/**
	 * What the list asks: the place, the highest desil, and the day before which the last
	 * help must lie (or none at all); {@code today} for the members' age.
	 */
	public record Criteria(String kecamatanCode, @Nullable String desaCode, int maxDesil, LocalDate helpedBefore,
			LocalDate today) {

		LocalDate elderlyBornBy() {
			return this.today.minusYears(ELDERLY_AGE);
		}

	}

	/**
	 * One eligible household: its first member by name (NIK masked), how many members, KK
	 * masked, the last aid it received (or none), and why it is vulnerable (codes of
	 * {@link #FLAGS}, empty when it is not).
	 */
	public record Row(long householdId, @Nullable String headName, @Nullable String maskedNik, int members,
			@Nullable String maskedKk, String address, String desaCode, int desil, @Nullable String desilSource,
			@Nullable LocalDate desilAsOf, @Nullable String lastAidCode, @Nullable LocalDate lastAidOn,
			List<String> reasons) {

		public boolean vulnerable() {
			return !this.reasons.isEmpty();
		}

	}

	/** Per desa of the kecamatan: eligible households, and of them vulnerable. */
	public record DesaCount(String desaCode, long eligible, long vulnerable) {
	}

	/** One member of an eligible household, for the BNBA file (full NIK). */
	public record Member(long householdId, @Nullable String nik, @Nullable String nikUnknownReason, @Nullable String kk,
			String name, @Nullable String sex, @Nullable LocalDate birthDate, String address, @Nullable String rt,
			@Nullable String rw, String desaCode, int desil, @Nullable String desilSource,
			@Nullable LocalDate desilAsOf, @Nullable String lastAidCode, @Nullable LocalDate lastAidOn,
			List<String> reasons) {
	}

	private final JdbcClient jdbc;

	private final RegistrySettings settings;

	private final Clock clock;

	private final ZoneId zone;

	EligibleQueries(JdbcClient jdbc, RegistrySettings settings, Clock clock, TimeProperties time) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.zone = time.zone();
	}

	/** The criteria of today's settings (read now) for the kecamatan and desa. */
	public Criteria criteria(String kecamatanCode, @Nullable String desaCode) {
		RegistrySettings.Settings current = this.settings.current();
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		return new Criteria(kecamatanCode, desaCode, current.eligibleMaxDesil(),
				today.minusMonths(current.eligibleMonths()), today);
	}

	/** The eligible households, vulnerable first, {@code limit} from {@code offset}. */
	public List<Row> page(RegistryScope scope, Criteria criteria, long offset, int limit) {
		Map<String, Object> params = params(scope, criteria);
		params.put("offset", offset);
		params.put("limit", limit);
		return this.jdbc
			.sql(eligible(scope, criteria)
					+ """
							, pg AS (SELECT * FROM f ORDER BY vulnerable DESC, desil, head_name, id OFFSET :offset LIMIT :limit)
							SELECT pg.*, head.nik AS head_nik, aid.intervention_code AS aid_code, aid.received_on AS aid_on
							FROM pg
							LEFT JOIN LATERAL (SELECT p.nik FROM person p WHERE p.household_id = pg.id
							                   ORDER BY p.name, p.id LIMIT 1) head ON true
							LEFT JOIN LATERAL (SELECT ir.intervention_code, ir.received_on FROM intervention_received ir
							                   WHERE ir.household_id = pg.id ORDER BY ir.received_on DESC, ir.id DESC LIMIT 1) aid ON true
							ORDER BY pg.vulnerable DESC, pg.desil, pg.head_name, pg.id""")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("head_name"), mask(rs.getString("head_nik")),
					rs.getInt("members"), mask(rs.getString("kk")), rs.getString("address"), rs.getString("desa_code"),
					rs.getInt("desil"), rs.getString("desil_source"), rs.getObject("desil_as_of", LocalDate.class),
					rs.getString("aid_code"), rs.getObject("aid_on", LocalDate.class), reasons(rs)))
			.list();
	}

	/** Per desa of the criteria's place: eligible households and of them vulnerable. */
	public List<DesaCount> desaSummary(RegistryScope scope, Criteria criteria) {
		return this.jdbc.sql(eligible(scope, criteria) + """
				SELECT desa_code, count(*) AS eligible, count(*) FILTER (WHERE vulnerable) AS vulnerable
				FROM f GROUP BY desa_code ORDER BY desa_code""")
			.params(params(scope, criteria))
			.query((rs, n) -> new DesaCount(rs.getString("desa_code"), rs.getLong("eligible"),
					rs.getLong("vulnerable")))
			.list();
	}

	/**
	 * Every member of the eligible households, in the list's order (then by name), handed
	 * to the sink one by one from a cursor: the BNBA export never holds the list.
	 */
	public void members(RegistryScope scope, Criteria criteria, Consumer<Member> sink) {
		this.jdbc
			.sql(eligible(scope, criteria)
					+ """
							SELECT f.*, p.nik, p.nik_unknown_reason, p.name, p.sex, p.birth_date, p.address AS person_address,
							       place.rt, place.rw, aid.intervention_code AS aid_code, aid.received_on AS aid_on
							FROM f JOIN person p ON p.household_id = f.id
							LEFT JOIN LATERAL (SELECT c.rt, c.rw FROM person cp JOIN person_case pc ON pc.person_id = cp.id
							                   JOIN case_file c ON c.id = pc.case_id
							                   WHERE cp.household_id = f.id ORDER BY (cp.id = p.id) DESC, c.filed_at DESC LIMIT 1) place ON true
							LEFT JOIN LATERAL (SELECT ir.intervention_code, ir.received_on FROM intervention_received ir
							                   WHERE ir.household_id = f.id ORDER BY ir.received_on DESC, ir.id DESC LIMIT 1) aid ON true
							ORDER BY f.vulnerable DESC, f.desil, f.head_name, f.id, p.name, p.id""")
			.params(params(scope, criteria))
			.withFetchSize(FETCH_SIZE)
			.query((RowCallbackHandler) rs -> sink.accept(new Member(rs.getLong("id"), rs.getString("nik"),
					rs.getString("nik_unknown_reason"), rs.getString("kk"), rs.getString("name"), rs.getString("sex"),
					rs.getObject("birth_date", LocalDate.class), rs.getString("person_address"), rs.getString("rt"),
					rs.getString("rw"), rs.getString("desa_code"), rs.getInt("desil"), rs.getString("desil_source"),
					rs.getObject("desil_as_of", LocalDate.class), rs.getString("aid_code"),
					rs.getObject("aid_on", LocalDate.class), reasons(rs))));
	}

	/**
	 * The plan of the list's first page (EXPLAIN ANALYZE), for the tests and the
	 * benchmark.
	 */
	public List<String> explainPage(RegistryScope scope, Criteria criteria) {
		Map<String, Object> params = params(scope, criteria);
		params.put("offset", 0L);
		params.put("limit", 25);
		return this.jdbc
			.sql("EXPLAIN (ANALYZE, BUFFERS) " + eligible(scope, criteria)
					+ " SELECT * FROM f ORDER BY vulnerable DESC, desil, head_name, id OFFSET :offset LIMIT :limit")
			.params(params)
			.query(String.class)
			.list();
	}

	/**
	 * {@code f}: the eligible households with their members' count, first name, whether
	 * one is elderly, their cases' flags, and whether the household is vulnerable.
	 */
	private static String eligible(RegistryScope scope, Criteria criteria) {
		return """
				WITH f AS MATERIALIZED (
				  SELECT h.id, h.kk, h.address, h.desa_code, h.desil, h.desil_source, h.desil_as_of,
				         m.members, m.head_name, m.elderly, v.flags,
				         (m.elderly OR v.flags IS NOT NULL OR m.members = 1) AS vulnerable
				  FROM household h
				  CROSS JOIN LATERAL (SELECT count(*)::int AS members, min(p.name) AS head_name,
				                             coalesce(bool_or(p.birth_date <= :elderlyBorn), false) AS elderly
				                      FROM person p WHERE p.household_id = h.id) m
				  CROSS JOIN LATERAL (SELECT array_agg(DISTINCT cv.flag) AS flags
				                      FROM person p JOIN person_case pc ON pc.person_id = p.id
				                      JOIN case_vulnerability cv ON cv.case_id = pc.case_id
				                           AND cv.flag IN ('LANSIA', 'SAKIT_MENAHUN', 'DISABILITAS', 'HIDUP_SENDIRI')
				                      WHERE p.household_id = h.id) v
				  WHERE h.kecamatan_code = :kecamatan"""
				+ (criteria.desaCode() != null ? " AND h.desa_code = :desa" : "") + """

						AND h.desil <= :maxDesil AND (h.last_helped_on IS NULL OR h.last_helped_on < :helpedBefore)
						AND (""" + scope.sqlCondition() + "))\n";
	}

	private static Map<String, Object> params(RegistryScope scope, Criteria criteria) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("kecamatan", criteria.kecamatanCode());
		params.put("desa", criteria.desaCode());
		params.put("maxDesil", criteria.maxDesil());
		params.put("helpedBefore", criteria.helpedBefore());
		params.put("elderlyBorn", criteria.elderlyBornBy());
		return params;
	}

	/** Why the row's household is vulnerable, in the order of {@link #FLAGS}. */
	private static List<String> reasons(ResultSet rs) throws SQLException {
		Set<String> found = new TreeSet<>();
		Array flags = rs.getArray("flags");
		if (flags != null) {
			found.addAll(Arrays.asList((String[]) flags.getArray()));
		}
		if (rs.getBoolean("elderly")) {
			found.add("LANSIA");
		}
		if (rs.getInt("members") == 1) {
			found.add("HIDUP_SENDIRI");
		}
		List<String> reasons = new ArrayList<>();
		FLAGS.stream().filter(found::contains).forEach(reasons::add);
		return reasons;
	}

	/**
	 * {@code 3510********0001}, as the case lists show a NIK (the KK the same way).
	 */
	static @Nullable String mask(@Nullable String number) {
		return (number == null || number.length() < 16) ? number
				: number.substring(0, 4) + "********" + number.substring(12);
	}

}
