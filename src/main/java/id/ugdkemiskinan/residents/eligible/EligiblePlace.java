package id.ugdkemiskinan.residents.eligible;

import id.ugdkemiskinan.common.InvalidParameterException;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.region.DesaRef;
import id.ugdkemiskinan.region.KecamatanRef;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.residents.registry.RegistryScope;
import id.ugdkemiskinan.users.Role;
import org.jspecify.annotations.Nullable;

/**
 * The kecamatan and desa a registry page asks for, read strictly: a code that cannot be
 * one ({@code kecamatan=abc}, too long) or names no kecamatan/desa of the kabupaten is a
 * 400; an operator's kecamatan is fixed, another one (or a desa of another one) is
 * outside their scope, 404. {@code kecamatan} is {@code null} when the secretariat has
 * not chosen one yet.
 */
public record EligiblePlace(@Nullable KecamatanRef kecamatan, @Nullable DesaRef desa) {

	/** Reads the place for this scope; the operator's kecamatan when none is given. */
	public static EligiblePlace of(RegistryScope scope, Regions regions, @Nullable String kecamatanParam,
			@Nullable String desaParam) {
		String k = code("kecamatan", kecamatanParam, 8);
		String d = code("desa", desaParam, 13);
		KecamatanRef kecamatan = null;
		if (scope.role() == Role.OPERATOR_UPT) {
			String own = scope.kecamatanCode();
			if (own == null || (k != null && !k.equals(own))) {
				throw new NotFoundException("Kecamatan outside the operator's scope");
			}
			kecamatan = regions.kecamatan(own).orElseThrow(() -> new NotFoundException("No kecamatan " + own));
		}
		else if (k != null) {
			kecamatan = regions.kecamatan(k)
				.orElseThrow(() -> new InvalidParameterException("kecamatan", "elig.param.kecamatan", k));
		}
		DesaRef desa = null;
		if (d != null) {
			if (kecamatan == null) {
				throw new InvalidParameterException("kecamatan", "elig.param.kecamatanFirst");
			}
			DesaRef found = regions.desa(d)
				.orElseThrow(() -> new InvalidParameterException("desa", "elig.param.desa", d));
			if (!found.kecamatanCode().equals(kecamatan.code())) {
				if (scope.role() == Role.OPERATOR_UPT) {
					throw new NotFoundException("Desa outside the operator's scope");
				}
				throw new InvalidParameterException("desa", "elig.param.desa", d);
			}
			desa = found;
		}
		return new EligiblePlace(kecamatan, desa);
	}

	private static @Nullable String code(String name, @Nullable String value, int maxLength) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (v.length() > maxLength || !v.matches("[0-9]{2}(\\.[0-9]{2}){1,2}(\\.[0-9]{4})?")) {
			String shown = v.length() > 20 ? v.substring(0, 20) + "…" : v;
			throw new InvalidParameterException(name, "elig.param." + name, shown);
		}
		return v;
	}

}
