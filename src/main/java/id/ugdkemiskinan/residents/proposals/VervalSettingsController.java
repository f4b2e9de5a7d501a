package id.ugdkemiskinan.residents.proposals;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import id.ugdkemiskinan.common.ChangeAudit;
import id.ugdkemiskinan.common.InvalidParameterException;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.users.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's verval time per kind of data correction proposal: days (1 to 30) on an SLA
 * calendar (24/7: days of 24 hours; a working-hours calendar: working days), audited in
 * "Riwayat perubahan". A change applies to proposals made from then on; a proposal's due
 * time is fixed when it is made.
 */
@Controller
class VervalSettingsController {

	static final int MAX_DAYS = 30;

	private final JdbcClient jdbc;

	private final ChangeAudit audit;

	private final Clock clock;

	VervalSettingsController(JdbcClient jdbc, ChangeAudit audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The audit's record of one kind's setting. */
	record VervalRecord(int days, long calendarId, String calendarName) {
	}

	/** One kind's setting as shown. */
	record SettingRow(String kind, String kindName, int days, long calendarId, long version) {
	}

	record CalendarOption(long id, String name, boolean alwaysOpen) {
	}

	@GetMapping("/admin/registri/verval")
	String page(Model model) {
		model.addAttribute("errors", Map.of());
		model.addAttribute("typed", Map.of());
		return show(model);
	}

	@PostMapping("/admin/registri/verval/{kind}")
	@Transactional
	String save(@PathVariable String kind, @RequestParam(required = false) @Nullable String days,
			@RequestParam(required = false) @Nullable String calendarId,
			@RequestParam(required = false) @Nullable String version, @AuthenticationPrincipal CurrentUser admin,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		SettingRow before = settings().stream()
			.filter(s -> s.kind().equals(kind))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No verval setting " + kind));
		long expected = version(version);
		Map<String, String> errors = new HashMap<>();
		String d = days == null ? "" : days.strip();
		if (d.isEmpty()) {
			errors.put("days", "usul.admin.days.required");
		}
		else if (d.length() > 9 || !d.matches("-?\\d+")) {
			errors.put("days", "usul.admin.days.invalid");
		}
		else if (Integer.parseInt(d) < 1 || Integer.parseInt(d) > MAX_DAYS) {
			errors.put("days", "usul.admin.days.range");
		}
		String c = calendarId == null ? "" : calendarId.strip();
		CalendarOption calendar = null;
		if (c.length() > 18 || !c.matches("\\d+")) {
			errors.put("calendarId", "usul.admin.calendar.invalid");
		}
		else {
			calendar = calendars().stream().filter(o -> o.id() == Long.parseLong(c)).findFirst().orElse(null);
			if (calendar == null) {
				errors.put("calendarId", "usul.admin.calendar.invalid");
			}
		}
		if (errors.isEmpty() && expected != before.version()) {
			errors.put("form", "usul.admin.stale");
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		if (!errors.isEmpty()) {
			if (response.getStatus() != HttpStatus.CONFLICT.value()) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
			}
			model.addAttribute("errors", Map.of(kind, errors));
			model.addAttribute("typed", Map.of(kind, d.length() > 20 ? d.substring(0, 20) : d));
			return show(model);
		}
		int after = Integer.parseInt(d);
		int updated = this.jdbc.sql("""
				UPDATE data_proposal_setting SET verval_days = :days, calendar_id = :calendar, version = version + 1
				WHERE kind = :kind AND version = :version""")
			.param("days", after)
			.param("calendar", calendar.id())
			.param("kind", kind)
			.param("version", expected)
			.update();
		if (updated == 0) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("errors", Map.of(kind, Map.of("form", "usul.admin.stale")));
			model.addAttribute("typed", Map.of(kind, d));
			return show(model);
		}
		String beforeName = calendars().stream()
			.filter(o -> o.id() == before.calendarId())
			.map(CalendarOption::name)
			.findFirst()
			.orElse("");
		this.audit.record(admin.id(), admin.fullName(), "VERVAL_SETTING", kind, ChangeAudit.Action.UPDATED,
				new VervalRecord(before.days(), before.calendarId(), beforeName),
				new VervalRecord(after, calendar.id(), calendar.name()), this.clock.instant());
		redirect.addFlashAttribute("flashSuccess", "usul.admin.saved");
		return "redirect:/admin/registri/verval";
	}

	private String show(Model model) {
		model.addAttribute("settings", settings());
		model.addAttribute("calendars", calendars());
		model.addAttribute("maxDays", MAX_DAYS);
		return "residents/admin-verval";
	}

	private static long version(@Nullable String version) {
		String v = version == null ? "" : version.strip();
		if (v.isEmpty() || v.length() > 18 || !v.matches("\\d+")) {
			throw new InvalidParameterException("version", "usul.param.version");
		}
		return Long.parseLong(v);
	}

	private List<SettingRow> settings() {
		return this.jdbc.sql("""
				SELECT s.kind, i.name, s.verval_days, s.calendar_id, s.version FROM data_proposal_setting s
				JOIN intervention i ON i.code = s.kind ORDER BY i.sort_order, s.kind""")
			.query((rs, n) -> new SettingRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
					rs.getLong(5)))
			.list();
	}

	private List<CalendarOption> calendars() {
		return this.jdbc.sql("SELECT id, name, always_open FROM sla_calendar ORDER BY always_open DESC, name")
			.query((rs, n) -> new CalendarOption(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
			.list();
	}

}
