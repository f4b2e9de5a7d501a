package id.ugdkemiskinan.region;

import java.util.List;
import java.util.Set;

/** One kabupaten's part of the Kemendagri region list, as read from the bundled CSV. */
record KabupatenRegions(Kabupaten kabupaten, List<Row> kecamatan, List<Row> desa, Set<String> provinceCodes) {

	record Row(String code, String name) {
	}

}
