package id.ugdkemiskinan.region;

/**
 * A village is a desa (rural) or a kelurahan (urban); Kemendagri codes start the last
 * part with 1 for a kelurahan.
 */
public enum DesaKind {

	DESA, KELURAHAN;

	static DesaKind ofCode(String desaCode) {
		return desaCode.charAt(9) == '1' ? KELURAHAN : DESA;
	}

}
