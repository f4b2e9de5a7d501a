package id.ugdkemiskinan.agency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.ugdkemiskinan.common.ChangeAudit;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency module's public face: the dinas, the categories and (later) the routing
 * between them.
 */
@Service
@Transactional(readOnly = true)
public class Agencies {

	private final DinasRepository dinas;

	private final CategoryRepository categories;

	private final JdbcClient jdbc;

	private final ChangeAudit audit;

	Agencies(DinasRepository dinas, CategoryRepository categories, JdbcClient jdbc, ChangeAudit audit) {
		this.dinas = dinas;
		this.categories = categories;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Every dinas, the operational ones first and the secretariat last. */
	public List<DinasRef> dinas() {
		return this.dinas.findAllByOrderBySecretariatAscCodeAsc()
			.stream()
			.map(d -> new DinasRef(d.getCode(), d.getName(), d.isSecretariat(), d.isActive()))
			.toList();
	}

	public Optional<DinasRef> dinas(String code) {
		return dinas().stream().filter(d -> d.code().equals(code)).findFirst();
	}

	public List<CategoryRef> categories() {
		return this.categories.findByActiveTrueOrderBySortOrderAsc()
			.stream()
			.map(c -> new CategoryRef(c.getCode(), c.getName(), c.getDescription(), c.getGuidance(), c.getQuestions()))
			.toList();
	}

	/**
	 * The distinct active dinas that the categories route to by the kabupaten-wide rules
	 * alone; the secretariat when none does.
	 */
	public Set<String> route(Collection<String> categoryCodes) {
		return route(categoryCodes, null);
	}

	/**
	 * The distinct active dinas that the categories route to in this kecamatan: for each
	 * category the rules for the kecamatan win over the kabupaten-wide ones (the most
	 * specific rule wins); the secretariat when no rule routes any of them, so that no
	 * case is left without an owner. Filing, reopening and the admin's preview all ask
	 * here.
	 */
	public Set<String> route(Collection<String> categoryCodes, @Nullable String kecamatanCode) {
		Set<String> targets = new LinkedHashSet<>();
		if (!categoryCodes.isEmpty()) {
			targets.addAll(this.jdbc.sql("""
					SELECT DISTINCT r.dinas_code FROM routing_rule r JOIN dinas d ON d.code = r.dinas_code
					WHERE d.active AND r.category_code IN (:categories)
					  AND (r.kecamatan_code = CAST(:kecamatan AS varchar)
					       OR (r.kecamatan_code IS NULL AND NOT EXISTS (
					           SELECT 1 FROM routing_rule s JOIN dinas sd ON sd.code = s.dinas_code
					           WHERE sd.active AND s.category_code = r.category_code
					             AND s.kecamatan_code = CAST(:kecamatan AS varchar))))
					ORDER BY r.dinas_code""")
				.param("categories", categoryCodes)
				.param("kecamatan", kecamatanCode)
				.query(String.class)
				.list());
		}
		if (targets.isEmpty()) {
			targets.add(secretariat().code());
		}
		return targets;
	}

	/**
	 * Every routing rule, by category, then kecamatan (kabupaten-wide first), then dinas.
	 */
	public List<RoutingRule> routingRules() {
		return this.jdbc
			.sql(RULES + " ORDER BY c.sort_order, r.category_code, r.kecamatan_code NULLS FIRST, r.dinas_code")
			.query(Agencies::rule)
			.list();
	}

	public Optional<RoutingRule> routingRule(long id) {
		return this.jdbc.sql(RULES + " WHERE r.id = :id").param("id", id).query(Agencies::rule).optional();
	}

	/**
	 * Adds a rule and its line of "Riwayat perubahan"; empty when the same rule exists.
	 * The codes are checked by the caller (and by the foreign keys).
	 */
	@Transactional
	public Optional<RoutingRule> addRoutingRule(String categoryCode, String dinasCode, @Nullable String kecamatanCode,
			@Nullable Long actorId, String actorName, Instant at) {
		Optional<Long> id = this.jdbc.sql("""
				INSERT INTO routing_rule (category_code, dinas_code, kecamatan_code) VALUES (:c, :d, :k)
				ON CONFLICT DO NOTHING RETURNING id""")
			.param("c", categoryCode)
			.param("d", dinasCode)
			.param("k", kecamatanCode)
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			return Optional.empty();
		}
		RoutingRule rule = routingRule(id.get()).orElseThrow();
		this.audit.record(actorId, actorName, RoutingRule.AUDIT_TYPE, rule.auditKey(), ChangeAudit.Action.CREATED, null,
				rule.state(), at);
		return Optional.of(rule);
	}

	/** Removes a rule and writes its line of "Riwayat perubahan"; false when unknown. */
	@Transactional
	public boolean removeRoutingRule(long id, @Nullable Long actorId, String actorName, Instant at) {
		Optional<RoutingRule> rule = this.jdbc.sql(RULES + " WHERE r.id = :id FOR UPDATE OF r")
			.param("id", id)
			.query(Agencies::rule)
			.optional();
		if (rule.isEmpty()) {
			return false;
		}
		this.jdbc.sql("DELETE FROM routing_rule WHERE id = :id").param("id", id).update();
		this.audit.record(actorId, actorName, RoutingRule.AUDIT_TYPE, rule.get().auditKey(), ChangeAudit.Action.DELETED,
				rule.get().state(), null, at);
		return true;
	}

	private static final String RULES = """
			SELECT r.id, r.category_code, c.name AS category_name, r.kecamatan_code, r.dinas_code, d.name AS dinas_name,
			       d.active AS dinas_active
			FROM routing_rule r JOIN category c ON c.code = r.category_code JOIN dinas d ON d.code = r.dinas_code""";

	private static RoutingRule rule(ResultSet rs, int n) throws SQLException {
		return new RoutingRule(rs.getLong("id"), rs.getString("category_code"), rs.getString("category_name"),
				rs.getString("kecamatan_code"), rs.getString("dinas_code"), rs.getString("dinas_name"),
				rs.getBoolean("dinas_active"));
	}

	/** The UGD secretariat (KESRA): triages what no rule routes. */
	public DinasRef secretariat() {
		return dinas().stream()
			.filter(DinasRef::secretariat)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No dinas is marked as the secretariat"));
	}

	/**
	 * The names of every category, deactivated ones too: what a case was filed with keeps
	 * its name.
	 */
	public Map<String, String> categoryNames() {
		Map<String, String> names = new LinkedHashMap<>();
		this.jdbc.sql("SELECT code, name FROM category ORDER BY sort_order, code")
			.query((rs, n) -> names.put(rs.getString("code"), rs.getString("name")))
			.list();
		return names;
	}

	/**
	 * The names of every intervention, deactivated ones too: a resolved assignment keeps
	 * its intervention's name.
	 */
	public Map<String, String> interventionNames() {
		Map<String, String> names = new LinkedHashMap<>();
		this.jdbc.sql("SELECT code, name FROM intervention ORDER BY sort_order, code")
			.query((rs, n) -> names.put(rs.getString("code"), rs.getString("name")))
			.list();
		return names;
	}

	/** The active interventions, in the admin's order. */
	public List<InterventionRef> interventions() {
		return this.jdbc
			.sql("""
					SELECT i.code, i.name,
					       CASE WHEN p.code IS NULL THEN NULL
					            WHEN p.programme IS NULL THEN p.name ELSE p.name || ' · ' || p.programme END AS provider_name
					FROM intervention i LEFT JOIN provider p ON p.code = i.provider_code
					WHERE i.active ORDER BY i.sort_order, i.code""")
			.query((rs, n) -> new InterventionRef(rs.getString("code"), rs.getString("name"),
					rs.getString("provider_name")))
			.list();
	}

}
