package id.ugdkemiskinan.audit;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import id.ugdkemiskinan.common.InvalidParameterException;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.common.TextInput;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Riwayat perubahan": who changed which rule, when, and what it was before and after.
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	/** As long as {@code change_audit.entity_key}. */
	static final int MAX_KEY = 100;

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/admin/riwayat")
	String history(@RequestParam(name = "jenis", required = false) @Nullable String type,
			@RequestParam(name = "kunci", required = false) @Nullable String key,
			@RequestParam(required = false) @Nullable String page, HttpServletRequest request, Model model) {
		List<String> types = this.log.entityTypes();
		String chosenType = clean("jenis", type, 40);
		if (chosenType != null && !types.contains(chosenType)) {
			throw new InvalidParameterException("jenis", "param.option", chosenType, String.join(", ", types));
		}
		String keyText = clean("kunci", key, MAX_KEY);
		Paging paging = Paging.parse(page, PAGE_SIZE);
		AuditLog.Page rows = this.log.page(chosenType, keyText, paging);
		model.addAttribute("rows", rows.rows());
		model.addAttribute("pager", Pager.of(request, paging, rows.rows().size(), rows.counted()));
		model.addAttribute("types", types);
		model.addAttribute("type", chosenType);
		model.addAttribute("key", keyText);
		return "audit/history";
	}

	private static @Nullable String clean(String name, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!TextInput.isClean(value)) {
			throw new InvalidParameterException(name, "param.invalid", name);
		}
		String v = value.trim();
		if (v.length() > max) {
			throw new InvalidParameterException(name, "audit.param.tooLong", max);
		}
		return v;
	}

}
