package id.ugdkemiskinan.residents.imports;

import java.util.Arrays;
import java.util.List;

/**
 * A target field of a list, by its key in {@code import_source.column_mapping}, with the
 * headings it is guessed from when a source has no saved mapping yet.
 */
public enum ImportField {

	NIK("nik", "nik", "no_nik", "nik_kpm", "nik_penerima", "nik_art"),
	KK("kk", "kk", "no_kk", "nomor_kk", "nokk", "no kk"),
	NAME("name", "nama", "nama_penerima", "nama_kpm", "nama_art", "name"),
	DESA("desa", "desa", "kode_desa", "kelurahan", "desa_kelurahan", "nama_desa"),
	ADDRESS("address", "alamat", "address"), PHONE("phone", "hp", "no_hp", "telepon", "phone"),
	RECEIVED_ON("received_on", "tanggal", "sejak", "tgl_terima", "tanggal_terima", "received_on"),
	DESIL("desil", "desil", "peringkat_desil"), AS_OF("as_of", "tanggal_data", "per_tanggal", "as_of", "tanggal");

	private final String key;

	private final List<String> guesses;

	ImportField(String key, String... guesses) {
		this.key = key;
		this.guesses = List.of(guesses);
	}

	public String key() {
		return this.key;
	}

	List<String> guesses() {
		return this.guesses;
	}

	/**
	 * The fields of a programme list ({@code PROGRAM}) or a desil list ({@code DESIL}).
	 */
	static List<ImportField> of(String kind) {
		if ("DESIL".equals(kind)) {
			return List.of(KK, NIK, NAME, DESA, ADDRESS, DESIL, AS_OF);
		}
		return List.of(NIK, KK, NAME, DESA, ADDRESS, PHONE, RECEIVED_ON);
	}

	/**
	 * Whether the mapping must name a column for this field (NIK or KK: at least one of
	 * them; a desil list's date may instead be typed on the form).
	 */
	public boolean required(String kind) {
		return this == NAME || this == DESA || this == RECEIVED_ON || this == DESIL;
	}

	static ImportField byKey(String key) {
		return Arrays.stream(values()).filter((f) -> f.key.equals(key)).findFirst().orElseThrow();
	}

}
