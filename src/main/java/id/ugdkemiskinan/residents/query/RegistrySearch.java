package id.ugdkemiskinan.residents.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import id.ugdkemiskinan.common.InvalidParameterException;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.residents.query.RegistryViews.SearchPage;
import id.ugdkemiskinan.residents.query.RegistryViews.SearchRow;
import id.ugdkemiskinan.residents.registry.RegistryScope;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's search ({@code /warga?q=}), by the rules of the case search:
 * <ul>
 * <li>4 or more consecutive digits of a NIK, a KK or a phone, typed with or without
 * spaces, dots or dashes, a phone in {@code 08…} or {@code +62…} form; all 16 digits find
 * the NIK or KK itself;</li>
 * <li>otherwise any part of a name or of a household's address, case and accents aside:
 * each word typed must occur (in any order); a word of one or two letters must start a
 * word ("Si" finds "Mbah Siti", not "Yasin"), and at least one word must have three
 * letters, since shorter fragments match nearly everyone.</li>
 * </ul>
 * Trigram GIN indexes drive every branch (V29: {@code person.search_name},
 * {@code person.search_numbers}, {@code household.search_address}, {@code household.kk});
 * as in the case search, the matches in scope are counted (up to the pager's cap); up to
 * 10,000 are collected by the indexes first ({@code MATERIALIZED}) with the user's scope
 * applied to them after, sorted by name; more are met walking the registry's order (the
 * primary key) and come in that order. Each call is planned for its own values
 * ({@code force_custom_plan}).
 */
@Component
@Transactional(readOnly = true)
public class RegistrySearch {

	public static final int MAX_LENGTH = 100;

	public static final int MIN_DIGITS = 4;

	public static final int MIN_LETTERS = 3;

	public static final int PAGE_SIZE = 25;

	private static final int MAX_WORDS = 6;

	private static final Pattern NUMBER = Pattern.compile("\\s*(\\+?)[0-9\\s().\\-/]+");

	private final JdbcClient jdbc;

	RegistrySearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The page of matches of {@code q} in the scope, sorted by name; {@code q} blank
	 * finds nothing.
	 * @throws InvalidParameterException {@code q} too long, or too short to search
	 */
	public SearchPage search(RegistryScope scope, @Nullable String q, Paging paging) {
		Map<String, Object> params = new HashMap<>(scope.params());
		Match match = matches(q, params);
		if (match == null || !scope.mayUse()) {
			return new SearchPage(List.of(), paging.page(), paging.size(), 0);
		}
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		params.put("countLimit", Pager.COUNT_CAP + 1);
		// Planned for the values of each call: a rare fragment (read the trigram index)
		// and a common one (walk the registry order) need different plans.
		this.jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
		// The person's kecamatan (their household's) first, by its index, then the
		// household's scope.
		String byPersonScope = scope.personCondition();
		String inScope = byPersonScope + " AND " + scope.sqlCondition();
		// Each branch counted on its own (up to the cap), each by its own index.
		long byPerson = count(
				"FROM person p JOIN household h ON h.id = p.household_id WHERE " + match.person() + " AND " + inScope,
				params);
		long byHousehold = count("FROM household h JOIN person p ON p.household_id = h.id WHERE " + match.household()
				+ " AND " + inScope, params);
		if (byPerson + byHousehold <= Pager.COUNT_CAP) {
			return collected(match, byPersonScope, inScope, params, paging);
		}
		// More matches than the cap (a common given name, a big dusun): the registry's
		// order (the primary key) is walked, where so many matches are met soon, as the
		// case search walks the filing order. Not the name order: matches of a given name
		// all sit together there, behind every name before it.
		List<SearchRow> rows = this.jdbc.sql("""
				WITH page AS MATERIALIZED (
				    SELECT p.id FROM person p JOIN household h ON h.id = p.household_id
				    WHERE (""" + match.person() + " OR " + match.household() + ") AND " + inScope + """

				    ORDER BY p.id LIMIT :limit OFFSET :offset)
				""" + DETAILS.replace("ORDER BY p.search_name, p.id", "ORDER BY p.id"))
			.params(params)
			.query(RegistrySearch::row)
			.list();
		return new SearchPage(rows, paging.page(), paging.size(), Pager.COUNT_CAP + 1L);
	}

	/**
	 * Up to 10,000 matches: collected by the trigram indexes first, the scope applied to
	 * them after, sorted, and only the page's rows joined to their names.
	 */
	private SearchPage collected(Match match, String personScope, String scope, Map<String, Object> params,
			Paging paging) {
		List<Long> totals = new ArrayList<>();
		List<SearchRow> rows = this.jdbc.sql("WITH found AS MATERIALIZED (" + match.ids(personScope) + """
				),
				scoped AS MATERIALIZED (SELECT p.id, p.search_name, count(*) OVER () AS total
				    FROM found f JOIN person p ON p.id = f.id JOIN household h ON h.id = p.household_id
				    WHERE\s""" + scope + """
				),
				page AS (SELECT id FROM scoped ORDER BY search_name, id LIMIT :limit OFFSET :offset)
				SELECT p.id, p.name, p.nik, d.name AS desa_name, k.name AS kecamatan_name, h.id AS household_id, h.kk,
				       (SELECT max(total) FROM scoped) AS total
				FROM page JOIN person p ON p.id = page.id
				JOIN household h ON h.id = p.household_id
				JOIN desa d ON d.code = p.desa_code
				JOIN kecamatan k ON k.code = p.kecamatan_code
				ORDER BY p.search_name, p.id""").params(params).query((rs, n) -> {
			totals.add(rs.getLong("total"));
			return row(rs, n);
		}).list();
		long counted = totals.isEmpty() ? countCollected(match, personScope, scope, params) : totals.get(0);
		return new SearchPage(rows, paging.page(), paging.size(), counted);
	}

	/** Past the last page: the total still tells the pager where the rows end. */
	private long countCollected(Match match, String personScope, String scope, Map<String, Object> params) {
		return this.jdbc.sql("WITH found AS MATERIALIZED (" + match.ids(personScope) + ")\n"
				+ "SELECT count(*) FROM found f JOIN person p ON p.id = f.id JOIN household h ON h.id = p.household_id "
				+ "WHERE " + scope)
			.params(params)
			.query(Long.class)
			.single();
	}

	private long count(String fromWhere, Map<String, Object> params) {
		return this.jdbc.sql("SELECT count(*) FROM (SELECT 1 " + fromWhere + " LIMIT :countLimit) counted")
			.params(params)
			.query(Long.class)
			.single();
	}

	private static final String DETAILS = """
			SELECT p.id, p.name, p.nik, d.name AS desa_name, k.name AS kecamatan_name, h.id AS household_id, h.kk
			FROM page JOIN person p ON p.id = page.id
			JOIN household h ON h.id = p.household_id
			JOIN desa d ON d.code = p.desa_code
			JOIN kecamatan k ON k.code = p.kecamatan_code
			ORDER BY p.search_name, p.id""";

	private static SearchRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new SearchRow(rs.getLong("id"), rs.getString("name"), RegistryQueries.mask(rs.getString("nik")),
				rs.getString("desa_name"), rs.getString("kecamatan_name"), rs.getLong("household_id"),
				RegistryQueries.mask(rs.getString("kk")));
	}

	/**
	 * What a query finds: the statement selecting the ids of the matching persons (each
	 * branch driven by its trigram index), and its two branches as conditions on
	 * {@code person p} and on its {@code household h}.
	 */
	record Match(String idsFormat, String person, String household) {

		/**
		 * The ids statement, each branch also under this condition on {@code person p}.
		 */
		String ids(String personCondition) {
			return this.idsFormat.formatted(personCondition);
		}

	}

	/**
	 * What {@code q} finds, its parameters added; {@code null} for no search.
	 */
	static @Nullable Match matches(@Nullable String q, Map<String, Object> params) {
		if (q == null || q.isBlank()) {
			return null;
		}
		if (q.length() > MAX_LENGTH) {
			throw new InvalidParameterException("q", "param.q.tooLong", MAX_LENGTH);
		}
		if (NUMBER.matcher(q).matches() && q.chars().anyMatch(Character::isDigit)) {
			String digits = q.replaceAll("[^0-9]", "");
			if (q.strip().startsWith("+62") && digits.startsWith("62")) {
				digits = "0" + digits.substring(2);
			}
			if (digits.length() < MIN_DIGITS) {
				throw new InvalidParameterException("q", "warga.search.tooShort", MIN_LETTERS, MIN_DIGITS);
			}
			if (digits.length() == 16) {
				// A whole NIK or KK (no phone has 16 digits): their unique indexes,
				// exact.
				params.put("qNumber", digits);
				return new Match("SELECT p.id FROM person p WHERE p.nik = :qNumber AND %1$s UNION "
						+ "SELECT p.id FROM household h0 JOIN person p ON p.household_id = h0.id WHERE h0.kk = :qNumber "
						+ "AND %1$s", "p.nik = :qNumber", "h.kk = :qNumber");
			}
			params.put("qDigits", "%" + digits + "%");
			return new Match("SELECT p.id FROM person p WHERE p.search_numbers LIKE :qDigits AND %1$s UNION "
					+ "SELECT p.id FROM household h0 JOIN person p ON p.household_id = h0.id WHERE h0.kk LIKE :qDigits "
					+ "AND %1$s", "p.search_numbers LIKE :qDigits", "h.kk LIKE :qDigits");
		}
		String[] words = q.strip().split("\\s+");
		List<String> name = new ArrayList<>();
		List<String> address = new ArrayList<>();
		boolean longEnough = false;
		for (int i = 0; i < Math.min(words.length, MAX_WORDS); i++) {
			int letters = words[i].codePointCount(0, words[i].length());
			longEnough |= letters >= MIN_LETTERS;
			String param = "qWord" + i;
			// Folded in SQL by the same function as the stored columns, so both sides
			// agree.
			params.put(param, ((letters < MIN_LETTERS) ? "% " : "%") + likeEscaped(words[i]) + "%");
			// A word of one or two letters ("rt", "5") is in nearly every name or
			// address:
			// checked on the rows the longer words' trigrams find (the concatenation
			// keeps
			// the index away), never read from the index itself, whose posting lists for
			// it hold every row.
			String column = (letters < MIN_LETTERS) ? "(%s || '')" : "%s";
			name.add(column.formatted("p.search_name") + " LIKE ugd_search_fold(:" + param + ")");
			address.add(column.formatted("{h}.search_address") + " LIKE ugd_search_fold(:" + param + ")");
		}
		if (!longEnough) {
			throw new InvalidParameterException("q", "warga.search.tooShort", MIN_LETTERS, MIN_DIGITS);
		}
		String byName = String.join(" AND ", name);
		return new Match(
				"SELECT p.id FROM person p WHERE " + byName + " AND %1$s UNION "
						+ "SELECT p.id FROM household h0 JOIN person p ON p.household_id = h0.id WHERE "
						+ String.join(" AND ", address).replace("{h}", "h0") + " AND %1$s",
				"(" + byName + ")", "(" + String.join(" AND ", address).replace("{h}", "h") + ")");
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
