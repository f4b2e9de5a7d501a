package id.ugdkemiskinan.dashboard;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.CategoryRef;
import id.ugdkemiskinan.agency.DinasRef;
import id.ugdkemiskinan.common.Locales;
import id.ugdkemiskinan.region.KecamatanRef;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the dashboard page shows: the filters checked ({@link DashboardFilters}), the
 * figures, the by-dinas table, the trend, the breach board and the at-risk list; or, for
 * refused filters, the form with its messages.
 */
@Component
class DashboardPage {

	/** One day of the trend chart, as the page's script reads it. */
	record TrendDay(String label, long filed, long onTime, long breached) {
	}

	private final DashboardQueries queries;

	private final DashboardFilters filters;

	private final Agencies agencies;

	private final Regions regions;

	private final long refreshSeconds;

	private final int minAnswers;

	private final JsonMapper json;

	private final MessageSource messages;

	private final HoldFigures holds;

	DashboardPage(DashboardQueries queries, DashboardFilters filters, Agencies agencies, Regions regions,
			DashboardProperties properties, JsonMapper json, MessageSource messages, HoldFigures holds) {
		this.holds = holds;
		this.queries = queries;
		this.filters = filters;
		this.agencies = agencies;
		this.regions = regions;
		this.refreshSeconds = Math.max(1, properties.refreshInterval().toSeconds());
		this.minAnswers = properties.satisfactionMinAnswers();
		this.json = json;
		this.messages = messages;
	}

	/**
	 * Fills the page's model; {@code false} when the filters were refused (the model then
	 * holds the messages).
	 */
	boolean prepare(CurrentUser user, DashboardInput input, Map<String, Object> model) {
		DashboardFilter filter;
		try {
			filter = this.filters.resolve(user, input);
		}
		catch (InvalidDashboardFilterException ex) {
			refused(ex, model);
			model.put("scopeFixed", scopeFixed(user));
			return false;
		}
		lists(model);
		model.put("errors", Map.of());
		model.put("period", input.periodChoice());
		model.put("scopeFixed", scopeFixed(user));
		model.put("refreshSeconds", this.refreshSeconds);
		model.put("filter", filter);
		DashboardFigures figures = this.queries.figures(filter);
		model.put("figures", figures);
		model.put("held", this.holds.of(filter));
		DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM", Locales.INDONESIA);
		model.put("trendJson",
				this.json.writeValueAsString(figures.daily()
					.stream()
					.map(d -> new TrendDay(label.format(d.date()), d.filed(), d.onTime(), d.breached()))
					.toList()));
		model.put("byDinas", byDinas(figures, this.queries.breachedNowByDinas(filter)));
		model.put("breachBoard", this.queries.breachBoard(filter));
		model.put("atRiskList", this.queries.atRisk(filter));
		model.put("satisfaction", this.queries.satisfaction(filter, this.minAnswers));
		return true;
	}

	/** The page for filters an export refused: the form and its messages. */
	Map<String, Object> refused(InvalidDashboardFilterException ex, CurrentUser user) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("form", ex.input());
		model.put("scopeFixed", user != null && scopeFixed(user));
		refused(ex, model);
		return model;
	}

	private void refused(InvalidDashboardFilterException ex, Map<String, Object> model) {
		lists(model);
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> errors = new LinkedHashMap<>();
		ex.problems()
			.forEach(p -> errors.merge(p.field(), this.messages.getMessage(p.messageKey(), p.args(), locale),
					(a, b) -> a + " " + b));
		model.put("errors", errors);
		model.put("period", ex.input().periodChoice());
		model.putIfAbsent("scopeFixed", false);
		model.put("refreshSeconds", this.refreshSeconds);
	}

	private void lists(Map<String, Object> model) {
		List<KecamatanRef> kecamatanList = this.regions.kecamatan();
		List<DinasRef> dinasList = this.agencies.dinas();
		model.put("kecamatanList", kecamatanList);
		model.put("dinasList", dinasList);
		model.put("categoryNames",
				this.agencies.categories().stream().collect(Collectors.toMap(CategoryRef::code, CategoryRef::name)));
		model.put("kecamatanNames",
				kecamatanList.stream().collect(Collectors.toMap(KecamatanRef::code, KecamatanRef::name)));
		model.put("dinasNames", dinasList.stream().collect(Collectors.toMap(DinasRef::code, DinasRef::name)));
	}

	/**
	 * Every dinas with figures in the period or open breaches now, worst compliance first
	 * (no compliance last), then the most open breaches now, then by code.
	 */
	List<DinasRow> byDinas(DashboardFigures figures, Map<String, Long> breachedNow) {
		Map<String, String> names = this.agencies.dinas()
			.stream()
			.collect(Collectors.toMap(DinasRef::code, DinasRef::name));
		Map<String, DashboardFigures.Group> groups = figures.byDinas()
			.stream()
			.collect(Collectors.toMap(DashboardFigures.Group::code, Function.identity()));
		List<String> codes = new ArrayList<>(groups.keySet());
		breachedNow.keySet().stream().filter(code -> !groups.containsKey(code)).forEach(codes::add);
		return codes.stream()
			.map(code -> new DinasRow(code, names.getOrDefault(code, code), groups.get(code),
					groups.containsKey(code) ? groups.get(code).compliance() : null,
					breachedNow.getOrDefault(code, 0L)))
			.sorted(Comparator.comparing(DinasRow::compliance, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Comparator.comparingLong(DinasRow::breachedNow).reversed())
				.thenComparing(DinasRow::code))
			.toList();
	}

	private static boolean scopeFixed(CurrentUser user) {
		return user.role() == Role.OPERATOR_UPT || user.role() == Role.PETUGAS_DINAS;
	}

}
