package id.ugdkemiskinan.region;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region module's public face: the configured kabupaten and its kecamatan and
 * desa/kelurahan.
 */
@Service
@Transactional(readOnly = true)
public class Regions {

	private final Kabupaten kabupaten;

	private final Set<String> provinceCodes;

	private final KecamatanRepository kecamatan;

	private final DesaRepository desa;

	Regions(KabupatenRegions regions, KecamatanRepository kecamatan, DesaRepository desa) {
		this.kabupaten = regions.kabupaten();
		this.provinceCodes = regions.provinceCodes();
		this.kecamatan = kecamatan;
		this.desa = desa;
	}

	public Kabupaten kabupaten() {
		return this.kabupaten;
	}

	/** The kabupaten's kecamatan, by name. */
	public List<KecamatanRef> kecamatan() {
		return this.kecamatan.findByKabupatenCodeOrderByNameAsc(this.kabupaten.code())
			.stream()
			.map(k -> new KecamatanRef(k.getCode(), k.getName()))
			.toList();
	}

	public Optional<KecamatanRef> kecamatan(String code) {
		return kecamatan().stream().filter(k -> k.code().equals(code)).findFirst();
	}

	/** The desa/kelurahan of one kecamatan, by name. */
	public List<DesaRef> desaIn(String kecamatanCode) {
		return this.desa.findByKecamatanCodeOrderByNameAsc(kecamatanCode)
			.stream()
			.map(d -> new DesaRef(d.getCode(), d.getName(), d.getKind(), d.getKecamatanCode()))
			.toList();
	}

	public long kecamatanCount() {
		return this.kecamatan.countByKabupatenCode(this.kabupaten.code());
	}

	public long desaCount() {
		return this.desa.countInKabupaten(this.kabupaten.code());
	}

	/** The desa/kelurahan with this code, if it lies in this kabupaten. */
	public Optional<DesaRef> desa(String code) {
		if (code == null || !code.startsWith(this.kabupaten.code() + ".")) {
			return Optional.empty();
		}
		return this.desa.findById(code)
			.map(d -> new DesaRef(d.getCode(), d.getName(), d.getKind(), d.getKecamatanCode()));
	}

	/**
	 * Whether the two digits are a province code of the Kemendagri list (the start of
	 * every NIK).
	 */
	public boolean isProvinceCode(String code) {
		return this.provinceCodes.contains(code);
	}

}
