package id.ugdkemiskinan.residents.query;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import id.ugdkemiskinan.cases.CaseVisibility;
import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.residents.query.RegistryViews.CaseLine;
import id.ugdkemiskinan.residents.query.RegistryViews.DesilLine;
import id.ugdkemiskinan.residents.query.RegistryViews.HouseholdView;
import id.ugdkemiskinan.residents.query.RegistryViews.InterventionLine;
import id.ugdkemiskinan.residents.query.RegistryViews.InterventionYear;
import id.ugdkemiskinan.residents.query.RegistryViews.Member;
import id.ugdkemiskinan.residents.query.RegistryViews.PersonView;
import id.ugdkemiskinan.residents.query.RegistryViews.Suggestion;
import id.ugdkemiskinan.residents.registry.RegistryScope;
import id.ugdkemiskinan.users.CurrentUser;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.instant;

/**
 * The person and household pages: plain SQL, the user's {@link RegistryScope} in the
 * statement that finds the record (outside it, the record is not found), projections, one
 * statement per section.
 */
@Component
@Transactional(readOnly = true)
public class RegistryQueries {

	/** At most this many "Mungkin orang yang sama" are suggested. */
	static final int SUGGESTIONS = 10;

	/** The least trigram similarity of names suggested as the same person. */
	static final double SIMILAR = 0.5;

	private final JdbcClient jdbc;

	private final CaseVisibility cases;

	private final Clock clock;

	private final TimeProperties time;

	RegistryQueries(JdbcClient jdbc, CaseVisibility cases, Clock clock, TimeProperties time) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.clock = clock;
		this.time = time;
	}

	/** The person, if in the user's scope. */
	public Optional<PersonView> person(long id, RegistryScope scope) {
		if (!scope.mayUse()) {
			return Optional.empty();
		}
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("id", id);
		LocalDate today = today();
		return this.jdbc.sql("""
				SELECT p.id, p.nik, p.nik_unknown_reason, p.name, p.sex, p.birth_date, p.phone, p.address,
				       p.desa_code, d.name AS desa_name, p.kecamatan_code, k.name AS kecamatan_name,
				       h.id AS household_id, h.kk, h.address AS household_address
				FROM person p
				JOIN household h ON h.id = p.household_id
				JOIN desa d ON d.code = p.desa_code
				JOIN kecamatan k ON k.code = p.kecamatan_code
				WHERE p.id = :id AND\s""" + scope.sqlCondition())
			.params(params)
			.query((rs, n) -> new PersonView(rs.getLong("id"), rs.getString("nik"), rs.getString("nik_unknown_reason"),
					rs.getString("name"), rs.getString("sex"), date(rs, "birth_date"),
					age(date(rs, "birth_date"), today), rs.getString("phone"), rs.getString("address"),
					rs.getString("desa_code"), rs.getString("desa_name"), rs.getString("kecamatan_code"),
					rs.getString("kecamatan_name"), rs.getLong("household_id"), rs.getString("kk"),
					rs.getString("household_address")))
			.optional();
	}

	/**
	 * The person a case's beneficiary is linked to (the caller checks the case and the
	 * person against the user's scopes).
	 */
	public Optional<Long> personOfCase(long caseId) {
		return this.jdbc.sql("SELECT person_id FROM person_case WHERE case_id = :id")
			.param("id", caseId)
			.query(Long.class)
			.optional();
	}

	/** The household, if in the user's scope. */
	public Optional<HouseholdView> household(long id, RegistryScope scope) {
		if (!scope.mayUse()) {
			return Optional.empty();
		}
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("id", id);
		return this.jdbc.sql("""
				SELECT h.id, h.kk, h.address, h.desa_code, d.name AS desa_name, h.kecamatan_code,
				       k.name AS kecamatan_name, h.desil, h.desil_source, h.desil_as_of, h.last_helped_on
				FROM household h
				JOIN desa d ON d.code = h.desa_code
				JOIN kecamatan k ON k.code = h.kecamatan_code
				WHERE h.id = :id AND\s""" + scope.sqlCondition())
			.params(params)
			.query((rs, n) -> new HouseholdView(rs.getLong("id"), rs.getString("kk"), rs.getString("address"),
					rs.getString("desa_code"), rs.getString("desa_name"), rs.getString("kecamatan_code"),
					rs.getString("kecamatan_name"), (Integer) rs.getObject("desil"), rs.getString("desil_source"),
					date(rs, "desil_as_of"), date(rs, "last_helped_on")))
			.optional();
	}

	/**
	 * The members of a household the caller found in scope: the oldest first, those
	 * without a birth date last.
	 */
	public List<Member> members(long householdId) {
		LocalDate today = today();
		return this.jdbc.sql("""
				SELECT id, name, nik, sex, birth_date FROM person WHERE household_id = :id
				ORDER BY birth_date NULLS LAST, name, id""")
			.param("id", householdId)
			.query((rs, n) -> new Member(rs.getLong("id"), rs.getString("name"), mask(rs.getString("nik")),
					rs.getString("sex"), age(date(rs, "birth_date"), today)))
			.list();
	}

	/**
	 * The cases of these persons (found in scope by the caller), newest first; those the
	 * user may open by cases' own rules marked visible.
	 */
	public List<CaseLine> cases(List<Long> personIds, CurrentUser user) {
		if (personIds.isEmpty()) {
			return List.of();
		}
		List<CaseLine> lines = this.jdbc.sql("""
				SELECT c.id, c.ticket, c.filed_at, c.status, c.priority, p.id AS person_id, p.name,
				       (SELECT string_agg(cc.category_code, ',' ORDER BY cc.category_code)
				          FROM case_category cc WHERE cc.case_id = c.id) AS categories
				FROM person_case pc
				JOIN case_file c ON c.id = pc.case_id
				JOIN person p ON p.id = pc.person_id
				WHERE pc.person_id = ANY(:persons)
				ORDER BY c.filed_at DESC, c.id DESC""")
			.param("persons", personIds.toArray(Long[]::new))
			.query((rs, n) -> new CaseLine(rs.getLong("id"), rs.getString("ticket"), instant(rs, "filed_at"),
					rs.getString("status"), rs.getString("priority"), codes(rs.getString("categories")),
					rs.getLong("person_id"), rs.getString("name"), false))
			.list();
		Set<Long> visible = this.cases.visible(lines.stream().map(CaseLine::caseId).toList(), user);
		return lines.stream()
			.map(l -> new CaseLine(l.caseId(), l.ticket(), l.filedAt(), l.status(), l.priority(), l.categoryCodes(),
					l.personId(), l.personName(), visible.contains(l.caseId())))
			.toList();
	}

	/** What the person received, newest first. */
	public List<InterventionLine> interventionsOfPerson(long personId, CurrentUser user) {
		return interventions("r.person_id = :person", Map.of("person", personId), user);
	}

	/**
	 * What the household and its members (the given ones) received, newest first, by
	 * year.
	 */
	public List<InterventionYear> interventionsOfHousehold(long householdId, List<Long> memberIds, CurrentUser user) {
		List<InterventionLine> lines = interventions("(r.household_id = :household OR r.person_id = ANY(:members))",
				Map.of("household", householdId, "members", memberIds.toArray(Long[]::new)), user);
		Map<Integer, List<InterventionLine>> byYear = new LinkedHashMap<>();
		for (InterventionLine line : lines) {
			byYear.computeIfAbsent(line.year(), y -> new ArrayList<>()).add(line);
		}
		return byYear.entrySet().stream().map(e -> new InterventionYear(e.getKey(), e.getValue())).toList();
	}

	private List<InterventionLine> interventions(String condition, Map<String, Object> params, CurrentUser user) {
		record Row(InterventionLine line, @Nullable Long caseId) {
		}
		List<Row> rows = this.jdbc.sql("""
				SELECT r.id, i.name AS intervention_name, r.received_on, r.person_id, p.name AS person_name,
				       CASE WHEN pv.programme IS NULL THEN pv.name ELSE pv.name || ' · ' || pv.programme END
				           AS provider_name,
				       r.case_id, c.ticket, ri.source_code, ri.filename, ri.started_at
				FROM intervention_received r
				JOIN intervention i ON i.code = r.intervention_code
				LEFT JOIN provider pv ON pv.code = coalesce(r.provider_code, i.provider_code)
				LEFT JOIN person p ON p.id = r.person_id
				LEFT JOIN case_file c ON c.id = r.case_id
				LEFT JOIN registry_import ri ON ri.id = r.import_id
				WHERE (ri.id IS NULL OR ri.undone_at IS NULL) AND\s""" + condition + """

				ORDER BY r.received_on DESC, r.id DESC""")
			.params(params)
			.query((rs,
					n) -> new Row(new InterventionLine(rs.getLong("id"), rs.getString("intervention_name"),
							rs.getString("provider_name"), Objects.requireNonNull(date(rs, "received_on")),
							(Long) rs.getObject("person_id"), rs.getString("person_name"), rs.getString("ticket"),
							false, rs.getString("source_code"), rs.getString("filename"),
							rs.getTimestamp("started_at") == null ? null : instant(rs, "started_at")),
							(Long) rs.getObject("case_id")))
			.list();
		Set<Long> visible = this.cases.visible(rows.stream().map(Row::caseId).filter(Objects::nonNull).toList(), user);
		return rows.stream().map(r -> {
			InterventionLine l = r.line();
			return new InterventionLine(l.id(), l.interventionName(), l.providerName(), l.receivedOn(), l.personId(),
					l.personName(), l.ticket(), r.caseId() != null && visible.contains(r.caseId()), l.importSource(),
					l.importFilename(), l.importStartedAt());
		}).toList();
	}

	/** The household's desil over time, newest first, the current one marked. */
	public List<DesilLine> desilHistory(HouseholdView household) {
		return this.jdbc.sql("""
				SELECT desil, source, as_of FROM desil_record WHERE household_id = :id
				ORDER BY as_of DESC, id DESC""").param("id", household.id()).query((rs, n) -> {
			int desil = rs.getInt("desil");
			String source = rs.getString("source");
			LocalDate asOf = Objects.requireNonNull(date(rs, "as_of"));
			boolean current = Objects.equals(household.desil(), desil)
					&& Objects.equals(household.desilSource(), source) && asOf.equals(household.desilAsOf());
			return new DesilLine(desil, source, asOf, current);
		}).list();
	}

	/**
	 * "Mungkin orang yang sama" for a person without NIK: others of the same desa whose
	 * name is similar (trigram similarity of the folded names at least {@link #SIMILAR},
	 * or the same folded name), in the user's scope, the most similar first.
	 */
	public List<Suggestion> suggestions(long personId, RegistryScope scope) {
		return suggestions(personId, null, scope);
	}

	/** The suggestion of {@code targetId} for the person, if it is one. */
	public Optional<Suggestion> suggestion(long personId, long targetId, RegistryScope scope) {
		return suggestions(personId, targetId, scope).stream().findFirst();
	}

	private List<Suggestion> suggestions(long personId, @Nullable Long targetId, RegistryScope scope) {
		if (!scope.mayUse()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("id", personId);
		params.put("similar", SIMILAR);
		params.put("limit", SUGGESTIONS);
		if (targetId != null) {
			params.put("target", targetId);
		}
		return this.jdbc.sql("""
				SELECT o.id, o.name, o.nik, o.address, o.household_id,
				       similarity(o.search_name, p.search_name) AS similarity
				FROM person p
				JOIN person o ON o.desa_code = p.desa_code AND o.id <> p.id
				JOIN household h ON h.id = o.household_id
				WHERE p.id = :id AND p.nik IS NULL
				  AND (o.search_name = p.search_name OR similarity(o.search_name, p.search_name) >= :similar)
				  AND\s""" + scope.sqlCondition() + ((targetId != null) ? " AND o.id = :target" : "") + """

				ORDER BY similarity DESC, o.id
				LIMIT :limit""")
			.params(params)
			.query((rs, n) -> new Suggestion(rs.getLong("id"), rs.getString("name"), mask(rs.getString("nik")),
					rs.getString("address"), rs.getLong("household_id"), rs.getDouble("similarity")))
			.list();
	}

	/** {@code 3510********0001}, as every list shows a NIK or KK. */
	static @Nullable String mask(@Nullable String number) {
		return (number == null || number.length() < 16) ? number
				: number.substring(0, 4) + "********" + number.substring(12);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.time.zone());
	}

	private static @Nullable Integer age(@Nullable LocalDate birth, LocalDate today) {
		return (birth == null || birth.isAfter(today)) ? null : Period.between(birth, today).getYears();
	}

	private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return (date == null) ? null : date.toLocalDate();
	}

	private static List<String> codes(@Nullable String joined) {
		return (joined == null || joined.isEmpty()) ? List.of() : Arrays.asList(joined.split(","));
	}

}
