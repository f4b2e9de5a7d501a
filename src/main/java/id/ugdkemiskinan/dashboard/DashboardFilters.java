package id.ugdkemiskinan.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.CategoryRef;
import id.ugdkemiskinan.agency.DinasRef;
import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.region.KecamatanRef;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.springframework.stereotype.Component;

/**
 * Turns the request's filters into the period and filters the dashboard computes, for the
 * page, the exports and the API alike, or refuses them: a period choice that is not one
 * of {@link #PERIODS}, a date that is not {@code yyyy-MM-dd} with a year from 1 to 9999,
 * a start after the end, a period longer than {@link #MAX_DAYS} days, an unknown
 * kecamatan, dinas or category. Nothing is swapped or shortened silently. Dates, when
 * given, win over the named period (the form sends both). The user's scope then overrides
 * the filters: a dinas sees only its dinas, an operator only their kecamatan.
 */
@Component
class DashboardFilters {

	/** The longest period the dashboard computes, in days (both ends included). */
	static final int MAX_DAYS = 400;

	static final List<String> PERIODS = List.of("today", "7d", "30d", "month", "custom");

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final Agencies agencies;

	private final Regions regions;

	private final Clock clock;

	private final ZoneId zone;

	DashboardFilters(Agencies agencies, Regions regions, Clock clock, TimeProperties time) {
		this.agencies = agencies;
		this.regions = regions;
		this.clock = clock;
		this.zone = time.zone();
	}

	DashboardFilter resolve(CurrentUser user, DashboardInput input) {
		List<InvalidDashboardFilterException.Problem> problems = new ArrayList<>();
		if (input.period() != null && !PERIODS.contains(input.period())) {
			problems.add(new InvalidDashboardFilterException.Problem("period", "dashboard.invalid.period"));
		}
		LocalDate from = date(input.from(), "from", problems);
		LocalDate to = date(input.to(), "to", problems);
		if (input.kecamatan() != null
				&& this.regions.kecamatan().stream().map(KecamatanRef::code).noneMatch(input.kecamatan()::equals)) {
			problems.add(new InvalidDashboardFilterException.Problem("kecamatan", "dashboard.invalid.kecamatan"));
		}
		if (input.dinas() != null
				&& this.agencies.dinas().stream().map(DinasRef::code).noneMatch(input.dinas()::equals)) {
			problems.add(new InvalidDashboardFilterException.Problem("dinas", "dashboard.invalid.dinas"));
		}
		if (input.category() != null
				&& this.agencies.categories().stream().map(CategoryRef::code).noneMatch(input.category()::equals)) {
			problems.add(new InvalidDashboardFilterException.Problem("category", "dashboard.invalid.category"));
		}
		if (input.lokus() != null && !input.lokus().equals("true") && !input.lokus().equals("false")) {
			problems.add(new InvalidDashboardFilterException.Problem("lokus", "prio.dashboard.invalid"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidDashboardFilterException(input, problems);
		}
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		LocalDate start;
		LocalDate end;
		if (from != null || to != null) {
			start = from != null ? from : to;
			end = to != null ? to : today;
		}
		else {
			end = today;
			start = switch (input.period() == null ? "30d" : input.period()) {
				case "today" -> today;
				case "7d" -> today.minusDays(6);
				case "month" -> today.withDayOfMonth(1);
				case "custom" -> {
					problems.add(new InvalidDashboardFilterException.Problem("from",
							"dashboard.invalid.customWithoutDates"));
					yield today;
				}
				default -> today.minusDays(29);
			};
		}
		if (start.isAfter(end)) {
			problems.add(new InvalidDashboardFilterException.Problem(from != null ? "from" : "to",
					"dashboard.invalid.order"));
		}
		else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
			problems.add(new InvalidDashboardFilterException.Problem("from", "dashboard.invalid.tooLong", MAX_DAYS,
					ChronoUnit.DAYS.between(start, end) + 1));
		}
		if (!problems.isEmpty()) {
			throw new InvalidDashboardFilterException(input, problems);
		}
		String kecamatan = user.role() == Role.OPERATOR_UPT ? user.kecamatanCode() : input.kecamatan();
		String dinas = user.role() == Role.PETUGAS_DINAS ? user.dinasCode() : input.dinas();
		return new DashboardFilter(start, end, kecamatan, dinas, input.category(), "true".equals(input.lokus()));
	}

	/**
	 * A calendar date {@code yyyy-MM-dd} with a year from 1 to 9999 (so no year 0, no
	 * sign, no fifth digit).
	 */
	private static LocalDate date(String value, String field, List<InvalidDashboardFilterException.Problem> problems) {
		if (value == null) {
			return null;
		}
		try {
			if (DATE.matcher(value).matches()) {
				LocalDate date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
				if (date.getYear() >= 1) {
					return date;
				}
			}
		}
		catch (DateTimeParseException ex) {
			// refused below
		}
		problems.add(new InvalidDashboardFilterException.Problem(field, "dashboard.invalid.date"));
		return null;
	}

}
