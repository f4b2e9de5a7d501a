package id.ugdkemiskinan.cases.sweep;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.ugdkemiskinan.common.Locales;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.common.TextInput;
import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.sla.SlaDeadlines;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Uji sapu" for the admin: what the SLA sweep would flag now (the injected clock) or at
 * a chosen later instant ({@code pada}, in the kabupaten's zone), and why each other
 * waiting assignment is not flagged. Reads only: ticket, dinas and kecamatan, no personal
 * data. A {@code pada} that cannot be read comes back as the form with its field message
 * (400).
 */
@Controller
class SweepDryRunController {

	static final int PAGE_SIZE = 50;

	/** The furthest instant one may try: a year ahead. */
	static final Duration HORIZON = Duration.ofDays(366);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm zzz", Locales.INDONESIA);

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE d MMM HH.mm zzz",
			Locales.INDONESIA);

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final SweepDryRun dryRun;

	private final SlaDeadlines deadlines;

	private final Clock clock;

	private final ZoneId zone;

	SweepDryRunController(SweepDryRun dryRun, SlaDeadlines deadlines, Clock clock, TimeProperties time) {
		this.dryRun = dryRun;
		this.deadlines = deadlines;
		this.clock = clock;
		this.zone = time.zone();
	}

	/** One line of explanation: a message key and its arguments. */
	record Line(String key, Object[] args) {
	}

	/** One waiting assignment as the page shows it. */
	record Row(String ticket, String dinasName, String kecamatanName, String priority, String due,
			List<String> outcomes, List<Line> reasons) {
	}

	@GetMapping("/admin/sla/uji-sapu")
	String dryRun(@RequestParam(required = false) @Nullable String pada,
			@RequestParam(required = false) @Nullable String page, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Instant now = this.clock.instant();
		Paging paging = Paging.parse(page, PAGE_SIZE);
		model.addAttribute("pada", pada == null ? "" : pada);
		model.addAttribute("nowInput", INPUT.format(now.atZone(this.zone)));
		String error = null;
		Instant at = now;
		if (pada != null && !pada.isBlank()) {
			String typed = pada.strip();
			Instant chosen = null;
			if (typed.length() > 19 || !TextInput.isClean(typed)) {
				error = "dryrun.pada.invalid";
			}
			else {
				try {
					chosen = LocalDateTime.parse(typed).atZone(this.zone).toInstant();
				}
				catch (DateTimeException ex) {
					error = "dryrun.pada.invalid";
				}
			}
			if (chosen != null) {
				if (chosen.isBefore(now.truncatedTo(ChronoUnit.MINUTES))) {
					error = "dryrun.pada.past";
				}
				else if (chosen.isAfter(now.plus(HORIZON))) {
					error = "dryrun.pada.tooFar";
				}
				else {
					at = chosen.isBefore(now) ? now : chosen;
				}
			}
		}
		if (error != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", error);
			return "cases/sweep-dry-run";
		}
		SweepDryRun.Result result = this.dryRun.at(at, paging);
		Map<String, Optional<SlaDeadlines.NamedCalendar>> calendars = new HashMap<>();
		List<Row> rows = new ArrayList<>();
		for (SweepDryRun.Decision d : result.decisions()) {
			rows.add(row(d, at, calendars));
		}
		model.addAttribute("result", result);
		model.addAttribute("at", at);
		model.addAttribute("future", at.isAfter(now));
		model.addAttribute("rows", rows);
		model.addAttribute("pager",
				Pager.of(request, paging, rows.size(), Math.min(result.counts().waiting(), Pager.COUNT_CAP + 1L)));
		return "cases/sweep-dry-run";
	}

	private Row row(SweepDryRun.Decision d, Instant at, Map<String, Optional<SlaDeadlines.NamedCalendar>> calendars) {
		List<String> outcomes = new ArrayList<>();
		List<Line> reasons = new ArrayList<>();
		if (d.flagsAtRisk()) {
			outcomes.add("dryrun.outcome.atRisk");
			reasons.add(line("dryrun.why.atRisk", when(d.atRiskFrom(), at)));
		}
		if (d.flagsBreach()) {
			outcomes.add("dryrun.outcome.breached");
			reasons.add(line("dryrun.why.breached", when(d.dueAt(), at)));
		}
		if (d.flagsEscalation()) {
			outcomes.add("dryrun.outcome.escalated");
			SweepDryRun.Step next = d.next();
			if (next != null) {
				reasons.add(line(next.warning() ? "dryrun.why.escalationWarning" : "dryrun.why.escalated", next.level(),
						next.name(), when(next.at(), at)));
			}
		}
		if (!d.flagsAnything()) {
			outcomes.add("dryrun.outcome.none");
			if (d.atRiskAt() == null) {
				reasons.add(line("dryrun.not.notYetAtRisk", when(d.dueAt(), at), when(d.atRiskFrom(), at)));
			}
			else if (d.breachedAt() == null) {
				reasons.add(line("dryrun.not.atRiskRecorded", when(d.atRiskAt(), at), when(d.dueAt(), at)));
			}
			else if (d.next() != null) {
				SweepDryRun.Step next = d.next();
				reasons.add(line(next.warning() ? "dryrun.not.nextWarning" : "dryrun.not.nextLevel",
						when(d.breachedAt(), at), next.level(), next.name(), when(next.at(), at)));
			}
			else if (d.levelReached() > 0) {
				reasons.add(line("dryrun.not.chainDone", when(d.breachedAt(), at), d.levelReached()));
			}
			else {
				reasons.add(line("dryrun.not.noChain", when(d.breachedAt(), at)));
			}
		}
		if (d.workingHours()) {
			Optional<SlaDeadlines.NamedCalendar> calendar = calendars.computeIfAbsent(
					d.priority() + "|" + String.join(",", d.categories()),
					key -> this.deadlines.calendarInForce(d.priority(), d.categories()));
			if (calendar.isEmpty() || calendar.get().calendar().isAlways()) {
				reasons.add(line("dryrun.calendar.workingHours"));
			}
			else {
				Instant opens = calendar.get().calendar().addOpenTime(at, Duration.ZERO);
				reasons.add(opens.equals(at) ? line("dryrun.calendar.open", calendar.get().name())
						: line("dryrun.calendar.closed", calendar.get().name(), when(opens, at)));
			}
		}
		return new Row(d.ticket(), d.dinasName(), d.kecamatanName(), d.priority(), when(d.dueAt(), at), outcomes,
				reasons);
	}

	private static Line line(String key, Object... args) {
		return new Line(key, args);
	}

	/** "14.00 WIB" on the instant's own day, "Senin 7 Des 07.30 WIB" on another. */
	private String when(@Nullable Instant instant, Instant at) {
		if (instant == null) {
			return "";
		}
		ZonedDateTime local = instant.atZone(this.zone);
		return local.toLocalDate().equals(at.atZone(this.zone).toLocalDate()) ? TIME.format(local)
				: DAY_TIME.format(local);
	}

}
