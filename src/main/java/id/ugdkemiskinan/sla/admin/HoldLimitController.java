package id.ugdkemiskinan.sla.admin;

import java.time.Clock;
import java.util.Map;

import id.ugdkemiskinan.common.ChangeAudit;
import id.ugdkemiskinan.users.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's setting of the longest hold ("menunggu dokumen/warga"), in whole hours (1
 * to 720, 30 days), audited in "Riwayat perubahan". A change applies to holds started
 * from then on; a hold's limit is fixed when it starts.
 */
@Controller
class HoldLimitController {

	static final int MAX_HOURS = 720;

	private final JdbcClient jdbc;

	private final ChangeAudit audit;

	private final Clock clock;

	HoldLimitController(JdbcClient jdbc, ChangeAudit audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The audit's record of the setting. */
	record HoldLimitRecord(int maxHours) {
	}

	@GetMapping("/admin/sla/tahan")
	String page(Model model) {
		model.addAttribute("maxHours", String.valueOf(hours()));
		model.addAttribute("errors", Map.of());
		return "sla/admin-hold";
	}

	@PostMapping("/admin/sla/tahan")
	@Transactional
	String save(@RequestParam(required = false) @Nullable String maxHours, @AuthenticationPrincipal CurrentUser admin,
			Model model, RedirectAttributes redirect) {
		String v = maxHours == null ? "" : maxHours.strip();
		String error = null;
		if (v.isEmpty()) {
			error = "hold.admin.hours.required";
		}
		else if (v.length() > 9 || !v.matches("-?\\d+")) {
			error = "hold.admin.hours.invalid";
		}
		else if (Integer.parseInt(v) < 1 || Integer.parseInt(v) > MAX_HOURS) {
			error = "hold.admin.hours.range";
		}
		if (error != null) {
			model.addAttribute("maxHours", v.length() > 20 ? v.substring(0, 20) : v);
			model.addAttribute("errors", Map.of("maxHours", error));
			return "sla/admin-hold";
		}
		int before = hours();
		int after = Integer.parseInt(v);
		this.jdbc.sql("""
				INSERT INTO sla_hold_setting (id, max_minutes) VALUES (true, :m)
				ON CONFLICT (id) DO UPDATE SET max_minutes = :m, version = sla_hold_setting.version + 1""")
			.param("m", after * 60)
			.update();
		this.audit.record(admin.id(), admin.fullName(), "SLA_HOLD_LIMIT", "max", ChangeAudit.Action.UPDATED,
				new HoldLimitRecord(before), new HoldLimitRecord(after), this.clock.instant());
		redirect.addFlashAttribute("flashSuccess", "hold.admin.saved");
		return "redirect:/admin/sla/tahan";
	}

	private int hours() {
		return this.jdbc.sql("SELECT max_minutes FROM sla_hold_setting")
			.query(Integer.class)
			.optional()
			.map(m -> m / 60)
			.orElse(72);
	}

}
