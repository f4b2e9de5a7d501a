package id.ugdkemiskinan.residents.priority;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import id.ugdkemiskinan.common.InvalidParameterException;
import id.ugdkemiskinan.region.DesaRef;
import id.ugdkemiskinan.region.KecamatanRef;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.users.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's page of the lokus prioritas ({@code /admin/lokus}; the secretariat may
 * look): the marked desa, and marking one (kecamatan first, then its desa) or unmarking
 * it. Both are idempotent (marking a marked desa changes nothing) and audited.
 */
@Controller
class PriorityDesaController {

	static final String PATH = "/admin/lokus";

	private final PriorityDesa priority;

	private final Regions regions;

	private final Clock clock;

	PriorityDesaController(PriorityDesa priority, Regions regions, Clock clock) {
		this.priority = priority;
		this.regions = regions;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String showPriorityDesa(@RequestParam(required = false) @Nullable String kecamatan, Model model) {
		KecamatanRef chosen = null;
		if (kecamatan != null && !kecamatan.isBlank()) {
			String k = kecamatan.strip();
			chosen = this.regions.kecamatan(k)
				.orElseThrow(() -> new InvalidParameterException("kecamatan", "prio.param.kecamatan",
						k.length() > 20 ? k.substring(0, 20) + "…" : k));
		}
		Map<String, String> kecamatanNames = this.regions.kecamatan()
			.stream()
			.collect(Collectors.toMap(KecamatanRef::code, KecamatanRef::name));
		model.addAttribute("marked",
				this.priority.marked()
					.stream()
					.map(m -> new Row(m, this.regions.desa(m.desaCode()).map(DesaRef::name).orElse(m.desaCode()),
							kecamatanNames.getOrDefault(m.desaCode().substring(0, 8), "")))
					.toList());
		model.addAttribute("kecamatanList", this.regions.kecamatan());
		model.addAttribute("chosen", chosen);
		model.addAttribute("desaList", chosen == null ? java.util.List.of() : this.regions.desaIn(chosen.code()));
		return "residents/priority-admin";
	}

	/** A marked desa as the page lists it. */
	record Row(PriorityDesa.Marked marked, String desaName, String kecamatanName) {
	}

	@PostMapping(PATH + "/tandai")
	String markDesa(@RequestParam(required = false) @Nullable String desa, @AuthenticationPrincipal CurrentUser admin,
			RedirectAttributes redirect) {
		DesaRef d = desa(desa);
		boolean changed = this.priority.mark(d.code(), admin, this.clock.instant());
		redirect.addFlashAttribute("flashSuccess", changed ? "prio.marked" : "prio.alreadyMarked");
		return "redirect:" + PATH + "?kecamatan=" + d.kecamatanCode();
	}

	@PostMapping(PATH + "/hapus")
	String unmarkDesa(@RequestParam(required = false) @Nullable String desa, @AuthenticationPrincipal CurrentUser admin,
			RedirectAttributes redirect) {
		DesaRef d = desa(desa);
		boolean changed = this.priority.unmark(d.code(), admin, this.clock.instant());
		redirect.addFlashAttribute("flashSuccess", changed ? "prio.unmarked" : "prio.notMarked");
		return "redirect:" + PATH;
	}

	private DesaRef desa(@Nullable String desa) {
		if (desa == null || desa.isBlank()) {
			throw new InvalidParameterException("desa", "prio.param.desaRequired");
		}
		String d = desa.strip();
		return this.regions.desa(d)
			.orElseThrow(() -> new InvalidParameterException("desa", "prio.param.desa",
					d.length() > 20 ? d.substring(0, 20) + "…" : d));
	}

}
