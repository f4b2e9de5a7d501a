package id.ugdkemiskinan.agency;

import org.jspecify.annotations.Nullable;

/**
 * A routing rule: cases of the category go to the dinas, in one kecamatan or (no
 * kecamatan) in the whole kabupaten.
 */
public record RoutingRule(long id, String categoryCode, String categoryName, @Nullable String kecamatanCode,
		String dinasCode, String dinasName, boolean dinasActive) {

	/** The entity type of its lines in "Riwayat perubahan". */
	public static final String AUDIT_TYPE = "ROUTING_RULE";

	/** Its key in "Riwayat perubahan": category/kecamatan (or *)/dinas. */
	public String auditKey() {
		return this.categoryCode + "/" + (this.kecamatanCode == null ? "*" : this.kecamatanCode) + "/" + this.dinasCode;
	}

	/** What "Riwayat perubahan" keeps of it. */
	public State state() {
		return new State(this.categoryCode, this.kecamatanCode, this.dinasCode);
	}

	public record State(String category, @Nullable String kecamatan, String dinas) {
	}

}
