package id.ugdkemiskinan.residents.priority;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import id.ugdkemiskinan.region.DesaRef;
import id.ugdkemiskinan.region.KecamatanRef;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.residents.registry.RegistryScope;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The needs of the lokus prioritas ({@code /registri/lokus}): per marked desa, the
 * households by need (counts only, no names), for the secretariat (every marked desa) and
 * an operator (those of their kecamatan).
 */
@Controller
class NeedsController {

	private final NeedQueries needs;

	private final Regions regions;

	NeedsController(NeedQueries needs, Regions regions) {
		this.needs = needs;
		this.regions = regions;
	}

	/** One marked desa with its counts. */
	record DesaNeeds(String desaCode, String desaName, String kecamatanName, Map<NeedMapping.Need, Long> counts) {

		public long count(NeedMapping.Need need) {
			return this.counts.getOrDefault(need, 0L);
		}

	}

	@GetMapping("/registri/lokus")
	String showNeeds(@AuthenticationPrincipal CurrentUser user, Model model) {
		Map<String, String> kecamatanNames = this.regions.kecamatan()
			.stream()
			.collect(Collectors.toMap(KecamatanRef::code, KecamatanRef::name));
		List<DesaNeeds> rows = this.needs.byDesa(RegistryScope.of(user))
			.entrySet()
			.stream()
			.map(e -> new DesaNeeds(e.getKey(), this.regions.desa(e.getKey()).map(DesaRef::name).orElse(e.getKey()),
					kecamatanNames.getOrDefault(e.getKey().substring(0, 8), ""), e.getValue()))
			.toList();
		Map<NeedMapping.Need, Long> totals = new EnumMap<>(NeedMapping.Need.class);
		for (NeedMapping.Need need : NeedMapping.Need.values()) {
			totals.put(need, rows.stream().mapToLong(r -> r.count(need)).sum());
		}
		model.addAttribute("rows", rows);
		model.addAttribute("needs", NeedMapping.Need.values());
		model.addAttribute("totals", totals);
		return "residents/needs";
	}

}
