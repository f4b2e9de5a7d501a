package id.ugdkemiskinan.agency;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

	Agencies(DinasRepository dinas, CategoryRepository categories, JdbcClient jdbc) {
		this.dinas = dinas;
		this.categories = categories;
		this.jdbc = jdbc;
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
	 * The distinct active dinas that the categories route to; the secretariat when no
	 * rule routes any of them, so that no case is left without an owner.
	 */
	public Set<String> route(Collection<String> categoryCodes) {
		Set<String> targets = new LinkedHashSet<>();
		if (!categoryCodes.isEmpty()) {
			targets.addAll(this.jdbc.sql("""
					SELECT DISTINCT r.dinas_code FROM routing_rule r JOIN dinas d ON d.code = r.dinas_code
					WHERE d.active AND r.category_code IN (:categories) ORDER BY r.dinas_code""")
				.param("categories", categoryCodes)
				.query(String.class)
				.list());
		}
		if (targets.isEmpty()) {
			targets.add(secretariat().code());
		}
		return targets;
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
		return this.jdbc.sql("SELECT code, name FROM intervention WHERE active ORDER BY sort_order, code")
			.query((rs, n) -> new InterventionRef(rs.getString("code"), rs.getString("name")))
			.list();
	}

}
