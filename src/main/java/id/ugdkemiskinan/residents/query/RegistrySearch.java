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
 * the matches are collected first ({@code MATERIALIZED}) and the user's scope is applied
 * to them after, so that the planner never walks the whole registry to meet a scope's
 * rows. Each call is planned for its own values ({@code force_custom_plan}), as a rare
 * fragment and a common one need different plans. Matches are sorted by name.
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
		String found = matches(q, params);
		if (found == null || !scope.mayUse()) {
			return new SearchPage(List.of(), paging.page(), paging.size(), 0);
		}
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		this.jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
		String matched = "WITH found AS MATERIALIZED (" + found + ")\n";
		List<Long> totals = new ArrayList<>();
		List<SearchRow> rows = this.jdbc.sql(matched + """
				SELECT p.id, p.name, p.nik, d.name AS desa_name, k.name AS kecamatan_name, h.id AS household_id, h.kk,
				       count(*) OVER () AS total
				FROM found f
				JOIN person p ON p.id = f.id
				JOIN household h ON h.id = p.household_id
				JOIN desa d ON d.code = p.desa_code
				JOIN kecamatan k ON k.code = p.kecamatan_code
				WHERE\s""" + scope.sqlCondition() + """

				ORDER BY p.search_name, p.id
				LIMIT :limit OFFSET :offset""").params(params).query((rs, n) -> {
			totals.add(rs.getLong("total"));
			return new SearchRow(rs.getLong("id"), rs.getString("name"), RegistryQueries.mask(rs.getString("nik")),
					rs.getString("desa_name"), rs.getString("kecamatan_name"), rs.getLong("household_id"),
					RegistryQueries.mask(rs.getString("kk")));
		}).list();
		long counted;
		if (!totals.isEmpty()) {
			counted = totals.get(0);
		}
		else if (paging.page() > 0) {
			// Past the last page: the total still tells the pager where the rows end.
			counted = this.jdbc.sql(matched + """
					SELECT count(*) FROM found f JOIN person p ON p.id = f.id JOIN household h ON h.id = p.household_id
					WHERE\s""" + scope.sqlCondition()).params(params).query(Long.class).single();
		}
		else {
			counted = 0;
		}
		return new SearchPage(rows, paging.page(), paging.size(), Math.min(counted, Pager.COUNT_CAP + 1L));
	}

	/**
	 * The statement selecting the ids of the persons {@code q} finds, its parameters
	 * added; {@code null} for no search.
	 */
	static @Nullable String matches(@Nullable String q, Map<String, Object> params) {
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
				return "SELECT p.id FROM person p WHERE p.nik = :qNumber UNION "
						+ "SELECT p.id FROM household h0 JOIN person p ON p.household_id = h0.id WHERE h0.kk = :qNumber";
			}
			params.put("qDigits", "%" + digits + "%");
			return "SELECT p.id FROM person p WHERE p.search_numbers LIKE :qDigits UNION "
					+ "SELECT p.id FROM household h0 JOIN person p ON p.household_id = h0.id WHERE h0.kk LIKE :qDigits";
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
			name.add("p.search_name LIKE ugd_search_fold(:" + param + ")");
			address.add("h0.search_address LIKE ugd_search_fold(:" + param + ")");
		}
		if (!longEnough) {
			throw new InvalidParameterException("q", "warga.search.tooShort", MIN_LETTERS, MIN_DIGITS);
		}
		return "SELECT p.id FROM person p WHERE " + String.join(" AND ", name) + " UNION "
				+ "SELECT p.id FROM household h0 JOIN person p ON p.household_id = h0.id WHERE "
				+ String.join(" AND ", address);
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
