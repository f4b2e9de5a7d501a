package id.ugdkemiskinan.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import org.springframework.core.io.ClassPathResource;

/**
 * Reads the bundled Kemendagri region list ({@code regions/wilayah.csv}, see its NOTICE)
 * and picks out one kabupaten's kecamatan and desa/kelurahan. The code's shape tells the
 * level: {@code 35.10} kabupaten, {@code 35.10.05} kecamatan, {@code 35.10.05.2001}
 * desa/kelurahan.
 */
final class RegionCatalog {

	static final String RESOURCE = "regions/wilayah.csv";

	private static final Pattern KABUPATEN_CODE = Pattern.compile("[0-9]{2}\\.[0-9]{2}");

	private RegionCatalog() {
	}

	static KabupatenRegions load(String kabupatenCode) {
		if (kabupatenCode == null || !KABUPATEN_CODE.matcher(kabupatenCode).matches()) {
			throw new UnknownKabupatenException(kabupatenCode);
		}
		String prefix = kabupatenCode + ".";
		String[] name = { null };
		List<KabupatenRegions.Row> kecamatan = new ArrayList<>();
		List<KabupatenRegions.Row> desa = new ArrayList<>();
		Set<String> provinces = new HashSet<>();
		forEachRow((code, rowName) -> {
			if (code.length() == 2) {
				provinces.add(code);
			}
			else if (code.equals(kabupatenCode)) {
				name[0] = rowName;
			}
			else if (code.startsWith(prefix)) {
				(code.length() == 8 ? kecamatan : desa).add(new KabupatenRegions.Row(code, rowName));
			}
		});
		if (name[0] == null || kecamatan.isEmpty()) {
			throw new UnknownKabupatenException(kabupatenCode);
		}
		return new KabupatenRegions(new Kabupaten(kabupatenCode, name[0]), List.copyOf(kecamatan), List.copyOf(desa),
				Set.copyOf(provinces));
	}

	/**
	 * Every kabupaten/kota code in the list (used by tests to prove any of them loads).
	 */
	static List<String> kabupatenCodes() {
		List<String> codes = new ArrayList<>();
		forEachRow((code, name) -> {
			if (code.length() == 5) {
				codes.add(code);
			}
		});
		return codes;
	}

	private static void forEachRow(BiConsumer<String, String> action) {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream();
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
				MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
					.with(CsvSchema.emptySchema().withHeader())
					.readValues(reader)) {
			rows.forEachRemaining(row -> action.accept(row.get("kode").trim(), row.get("nama").trim()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

}
