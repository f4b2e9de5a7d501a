package id.ugdkemiskinan.region;

/**
 * The configured {@code ugd.kabupaten-code} is not a kabupaten/kota of the Kemendagri
 * list.
 */
public class UnknownKabupatenException extends RuntimeException {

	UnknownKabupatenException(String code) {
		super("ugd.kabupaten-code '" + code + "' is not a kabupaten/kota code of the Kemendagri region list "
				+ "(expected two pairs of digits such as 35.10 for Kabupaten Banyuwangi; see regions/wilayah.csv)");
	}

}
