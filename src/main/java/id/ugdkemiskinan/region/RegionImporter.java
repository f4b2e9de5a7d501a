package id.ugdkemiskinan.region;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the configured kabupaten's kecamatan and desa/kelurahan into the database on
 * every start. Idempotent: rows are upserted by their Kemendagri code, so a restart
 * changes nothing and a corrected name in a newer list is taken over. Nothing is deleted:
 * cases refer to regions.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@Transactional
class RegionImporter implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RegionImporter.class);

	private final KabupatenRegions regions;

	private final JdbcClient jdbc;

	RegionImporter(KabupatenRegions regions, JdbcClient jdbc) {
		this.regions = regions;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		importRegions();
	}

	public void importRegions() {
		Kabupaten kabupaten = this.regions.kabupaten();
		this.jdbc.sql("""
				INSERT INTO kabupaten (code, name) VALUES (:code, :name)
				ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE kabupaten.name <> EXCLUDED.name""")
			.param("code", kabupaten.code())
			.param("name", kabupaten.name())
			.update();
		for (KabupatenRegions.Row row : this.regions.kecamatan()) {
			this.jdbc.sql("""
					INSERT INTO kecamatan (code, kabupaten_code, name) VALUES (:code, :kabupaten, :name)
					ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE kecamatan.name <> EXCLUDED.name""")
				.param("code", row.code())
				.param("kabupaten", kabupaten.code())
				.param("name", row.name())
				.update();
		}
		for (KabupatenRegions.Row row : this.regions.desa()) {
			this.jdbc.sql("""
					INSERT INTO desa (code, kecamatan_code, name, kind) VALUES (:code, :kecamatan, :name, :kind)
					ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE desa.name <> EXCLUDED.name""")
				.param("code", row.code())
				.param("kecamatan", row.code().substring(0, 8))
				.param("name", row.name())
				.param("kind", DesaKind.ofCode(row.code()).name())
				.update();
		}
		log.info("Regions of {} ({}): {} kecamatan, {} desa/kelurahan", kabupaten.name(), kabupaten.code(),
				this.regions.kecamatan().size(), this.regions.desa().size());
	}

}
