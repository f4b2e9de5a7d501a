package id.ugdkemiskinan.residents;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.residents.eligible.EligibleQueries;
import id.ugdkemiskinan.residents.eligible.RegistrySettings;
import id.ugdkemiskinan.residents.priority.NeedMapping;
import id.ugdkemiskinan.residents.priority.NeedQueries;
import id.ugdkemiskinan.residents.registry.RegistryScope;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import id.ugdkemiskinan.users.Role;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * "Layak belum dibantu", its BNBA file, the registry's settings, the lokus prioritas
 * (marking, the case badge, the dashboard filter) and the needs per lokus, on real
 * PostgreSQL with households seeded in SQL.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=ugd_eligible")
class EligibleTests {

	static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

	// Tuesday 2026-12-01 10.00 WIB.
	static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	static final String GENTENG = "35.10.09";

	static final String GENTENG_DESA = CaseData.GENTENG_DESA;

	static final String GENTENG_DESA_2 = "35.10.09.2003";

	static final String MUNCAR = "35.10.05";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	EligibleQueries queries;

	@Autowired
	NeedQueries needs;

	@Autowired
	RegistrySettings settings;

	Instant clockBefore;

	long importId;

	int serial;

	@BeforeEach
	void seedNothing() {
		this.clockBefore = this.clock.instant();
		this.clock.set(NOW);
		this.jdbc.sql("DELETE FROM registry_access").update();
		this.jdbc.sql("DELETE FROM intervention_received").update();
		this.jdbc.sql("DELETE FROM desil_record").update();
		this.jdbc.sql("DELETE FROM registry_import").update();
		this.jdbc.sql("DELETE FROM person_case").update();
		this.jdbc.sql("DELETE FROM person").update();
		this.jdbc.sql("DELETE FROM household").update();
		this.jdbc.sql("DELETE FROM priority_desa").update();
		this.jdbc.sql("DELETE FROM change_audit WHERE entity_type IN ('REGISTRY_SETTING', 'PRIORITY_DESA')").update();
		this.jdbc
			.sql("UPDATE registry_setting SET never_helped_months = 12, eligible_max_desil = 4, eligible_months = 12")
			.update();
		this.importId = this.jdbc
			.sql("""
					INSERT INTO registry_import (source_code, filename, content_sha256, status, total_bytes, started_by, started_at)
					VALUES ('RTLH', 'rtlh.csv', repeat('a', 64), 'SELESAI', 1, (SELECT id FROM app_user WHERE username = 'admin'), now())
					RETURNING id""")
			.query(Long.class)
			.single();
	}

	@AfterEach
	void restoreClock() {
		this.clock.set(this.clockBefore);
	}

	@Test
	void theListShowsLowDesilWithoutAidVulnerableFirst() throws Exception {
		long budi = household("Dusun Krajan 1", GENTENG_DESA, 2, null);
		person(budi, "Budi Santoso", LocalDate.of(1990, 1, 1));
		person(budi, "Citra Santoso", LocalDate.of(1992, 1, 1));
		long zainab = household("Dusun Krajan 2", GENTENG_DESA, 3, null);
		person(zainab, "Zainab", LocalDate.of(1980, 5, 5));
		long yusuf = household("Dusun Krajan 3", GENTENG_DESA_2, 4, null);
		person(yusuf, "Yusuf", LocalDate.of(1950, 5, 5));
		person(yusuf, "Zahra", LocalDate.of(1985, 5, 5));
		long rich = household("Dusun Krajan 4", GENTENG_DESA, 5, null);
		person(rich, "Desil Lima", LocalDate.of(1980, 1, 1));
		long helped = household("Dusun Krajan 5", GENTENG_DESA, 1, TODAY.minusMonths(2));
		person(helped, "Sudah Dibantu", LocalDate.of(1980, 1, 1));
		long unknown = household("Dusun Krajan 6", GENTENG_DESA, null, null);
		person(unknown, "Tanpa Desil", LocalDate.of(1980, 1, 1));
		long muncar = household("Dusun Muncar", CaseData.MUNCAR_DESA, 1, null);
		person(muncar, "Warga Muncar", LocalDate.of(1980, 1, 1));

		Cookie secretariat = Logins.login(this.mvc, "sekretariat");
		String page = page(secretariat, "/registri/layak?kecamatan=" + GENTENG);
		assertThat(page).contains("Zainab", "Yusuf", "Budi Santoso")
			.doesNotContain("Desil Lima", "Sudah Dibantu", "Tanpa Desil", "Warga Muncar");
		// Vulnerable first (by desil), then the others.
		assertThat(page.indexOf("Zainab")).isLessThan(page.indexOf("Yusuf"));
		assertThat(page.indexOf("Yusuf")).isLessThan(page.indexOf("Budi Santoso"));
		assertThat(page).contains("Hidup sendiri", "Lansia", "belum pernah", "3510********");
		// The summary per desa: Genteng's first desa 2 eligible (1 vulnerable), the
		// second 1 (1).
		List<EligibleQueries.DesaCount> summary = this.queries.desaSummary(secretariat(),
				this.queries.criteria(GENTENG, null));
		assertThat(summary).containsExactly(new EligibleQueries.DesaCount(GENTENG_DESA, 2, 1),
				new EligibleQueries.DesaCount(GENTENG_DESA_2, 1, 1));
		// One access log row for the page view.
		assertThat(this.jdbc.sql("SELECT record_type || ' ' || page FROM registry_access").query(String.class).list())
			.containsExactly("HOUSEHOLD /registri/layak?kecamatan=" + GENTENG);
		// A desa only.
		String desaPage = page(secretariat, "/registri/layak?kecamatan=" + GENTENG + "&desa=" + GENTENG_DESA_2);
		assertThat(desaPage).contains("Yusuf").doesNotContain("Zainab", "Budi Santoso");
		// The secretariat without a kecamatan chooses one first.
		assertThat(page(secretariat, "/registri/layak")).contains("Pilih kecamatan").doesNotContain("Zainab");
	}

	@Test
	void theListIsPagedByTwentyFive() throws Exception {
		for (int i = 0; i < 30; i++) {
			long h = household("Dusun Paging " + i, GENTENG_DESA, 1 + i % 4, null);
			person(h, String.format("Warga %02d", i), LocalDate.of(1980, 1, 1));
			person(h, String.format("Zz Anggota %02d", i), LocalDate.of(1982, 1, 1));
		}
		Cookie secretariat = Logins.login(this.mvc, "sekretariat");
		String first = page(secretariat, "/registri/layak?kecamatan=" + GENTENG);
		assertThat(first.split("class=\"eligible-row\"", -1)).hasSize(26);
		assertThat(first).contains("1–25 dari 30", "page=1");
		String second = page(secretariat, "/registri/layak?kecamatan=" + GENTENG + "&page=1");
		assertThat(second.split("class=\"eligible-row\"", -1)).hasSize(6);
		assertThat(second).contains("26–30 dari 30");
		assertThat(page(secretariat, "/registri/layak?kecamatan=" + GENTENG + "&page=9")).contains("Halaman 10");
		assertThat(this.jdbc.sql("SELECT count(*) FROM registry_access WHERE record_type = 'HOUSEHOLD'")
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void aCaseFlagMakesAHouseholdVulnerableAndTheOperatorSeesTheirKecamatan() throws Exception {
		Cookie muncarUpt = Logins.login(this.mvc, "upt.muncar");
		String ticket = fileCase(muncarUpt, CaseData.MUNCAR_DESA, "Warga sakit", "BANTUAN_SOSIAL");
		long plain = household("Dusun A", CaseData.MUNCAR_DESA, 1, null);
		person(plain, "Anwar", LocalDate.of(1990, 1, 1));
		person(plain, "Anisa", LocalDate.of(1991, 1, 1));
		long sick = household("Dusun B", CaseData.MUNCAR_DESA, 4, null);
		long sickPerson = person(sick, "Zulaikha", LocalDate.of(1990, 1, 1));
		person(sick, "Zaki", LocalDate.of(1995, 1, 1));
		link(ticket, sickPerson, "SAKIT_MENAHUN");
		String page = page(muncarUpt, "/registri/layak");
		assertThat(page).contains("Muncar", "Sakit menahun");
		assertThat(page.indexOf("Zaki")).isLessThan(page.indexOf("Anisa"));
		assertThat(page(muncarUpt, "/registri/layak?kecamatan=" + MUNCAR)).contains("Zaki");
	}

	@Test
	void anAidThirteenMonthsAgoIsNotHelpEnoughElevenMonthsAgoIs() throws Exception {
		LocalDate aid = LocalDate.of(2026, 1, 10);
		long h = household("Dusun Krajan 7", GENTENG_DESA, 2, aid);
		long p = person(h, "Pernah Dibantu", LocalDate.of(1980, 1, 1));
		this.jdbc
			.sql("""
					INSERT INTO intervention_received (household_id, person_id, intervention_code, received_on, import_id, recorded_at)
					VALUES (:h, :p, 'BEDAH_RUMAH_RTLH', :on, :import, now())""")
			.param("h", h)
			.param("p", p)
			.param("on", aid)
			.param("import", this.importId)
			.update();
		Cookie secretariat = Logins.login(this.mvc, "sekretariat");
		// 11 months after the aid: helped, not listed.
		this.clock.set(aid.plusMonths(11).atTime(10, 0).atZone(WIB).toInstant());
		assertThat(page(secretariat, "/registri/layak?kecamatan=" + GENTENG)).doesNotContain("Pernah Dibantu");
		// 13 months after: not helped in the last 12 months, listed with its last aid.
		this.clock.set(aid.plusMonths(13).atTime(10, 0).atZone(WIB).toInstant());
		String page = page(secretariat, "/registri/layak?kecamatan=" + GENTENG);
		assertThat(page).contains("Pernah Dibantu", "Bedah rumah", "10 Jan 2026");
	}

	@Test
	void theSettingsChangeTheListAtOnceAuditedAndVersionChecked() throws Exception {
		long h = household("Dusun Krajan 8", GENTENG_DESA, 6, null);
		person(h, "Desil Enam", LocalDate.of(1980, 1, 1));
		Cookie secretariat = Logins.login(this.mvc, "sekretariat");
		assertThat(page(secretariat, "/registri/layak?kecamatan=" + GENTENG)).doesNotContain("Desil Enam");
		Cookie admin = Logins.login(this.mvc, "admin");
		assertThat(page(admin, "/admin/registri")).contains("Pengaturan registri", "value=\"4\"");
		assertThat(page(admin, "/admin")).contains("/admin/registri", "/admin/lokus");
		long version = this.settings.current().version();
		MvcResult saved = this.mvc.perform(settingsForm("12", "6", "12", String.valueOf(version)).cookie(admin))
			.andReturn();
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/registri");
		assertThat(this.settings.current()).isEqualTo(new RegistrySettings.Settings(12, 6, 12, version + 1));
		assertThat(page(secretariat, "/registri/layak?kecamatan=" + GENTENG)).contains("Desil Enam");
		assertThat(this.jdbc.sql("""
				SELECT before ->> 'eligibleMaxDesil' || '>' || (after ->> 'eligibleMaxDesil') FROM change_audit
				WHERE entity_type = 'REGISTRY_SETTING'""").query(String.class).list()).containsExactly("4>6");
		// The same (now stale) version again: 409 with the current values.
		MvcResult stale = this.mvc.perform(settingsForm("12", "3", "12", String.valueOf(version)).cookie(admin))
			.andReturn();
		assertThat(stale.getResponse().getStatus()).isEqualTo(409);
		assertThat(stale.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("sudah diubah orang lain");
		assertThat(this.settings.current().eligibleMaxDesil()).isEqualTo(6);
		// Not the admin: refused.
		assertThat(this.mvc.perform(get("/admin/registri").cookie(secretariat)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

	@Test
	void badSettingsGetAFieldMessage() throws Exception {
		Cookie admin = Logins.login(this.mvc, "admin");
		String version = String.valueOf(this.settings.current().version());
		Map<String, String> cases = Map.of("", "Isi jumlah bulan", "abc", "harus bilangan bulat", "0",
				"antara 1 dan 120", "121", "antara 1 dan 120", "-5", "antara 1 dan 120", "99999999999999",
				"harus bilangan bulat", "1.5", "harus bilangan bulat");
		for (Map.Entry<String, String> bad : cases.entrySet()) {
			MvcResult result = this.mvc.perform(settingsForm(bad.getKey(), "4", "12", version).cookie(admin))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as(bad.getKey()).isEqualTo(400);
			assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(bad.getKey())
				.contains(bad.getValue());
			MvcResult months = this.mvc.perform(settingsForm("12", "4", bad.getKey(), version).cookie(admin))
				.andReturn();
			assertThat(months.getResponse().getStatus()).isEqualTo(400);
		}
		for (String desil : List.of("", "0", "11", "x", "-1")) {
			MvcResult result = this.mvc.perform(settingsForm("12", desil, "12", version).cookie(admin)).andReturn();
			assertThat(result.getResponse().getStatus()).as(desil).isEqualTo(400);
			assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(desil).contains("esil");
		}
		for (String v : List.of("", "abc", "-1")) {
			assertThat(this.mvc.perform(settingsForm("12", "4", "12", v).cookie(admin))
				.andReturn()
				.getResponse()
				.getStatus()).as(v).isEqualTo(400);
		}
		assertThat(this.mvc.perform(settingsForm("1\u00002", "4", "12", version).cookie(admin))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(this.settings.current().version()).isEqualTo(Long.parseLong(version));
		assertThat(this.jdbc.sql("SELECT count(*) FROM change_audit WHERE entity_type = 'REGISTRY_SETTING'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void scopeOperatorOfGentengAskingForMuncarIsNotFoundDinasAndLeadershipAreRefused() throws Exception {
		long h = household("Dusun C", CaseData.MUNCAR_DESA, 1, null);
		person(h, "Warga Muncar", LocalDate.of(1980, 1, 1));
		Cookie genteng = Logins.login(this.mvc, "upt.genteng");
		assertThat(status(genteng, "/registri/layak?kecamatan=" + MUNCAR)).isEqualTo(404);
		assertThat(status(genteng, "/registri/layak?desa=" + CaseData.MUNCAR_DESA)).isEqualTo(404);
		assertThat(status(genteng, "/registri/layak/bnba.xlsx?kecamatan=" + MUNCAR + "&desa=" + CaseData.MUNCAR_DESA))
			.isEqualTo(404);
		assertThat(status(genteng, "/registri/layak/bnba.xlsx?desa=" + CaseData.MUNCAR_DESA)).isEqualTo(404);
		assertThat(page(genteng, "/registri/layak")).doesNotContain("Warga Muncar");
		for (String user : List.of("dinsos", "pimpinan", "admin")) {
			Cookie session = Logins.login(this.mvc, user);
			assertThat(status(session, "/registri/layak?kecamatan=" + MUNCAR)).as(user).isEqualTo(403);
			assertThat(
					status(session, "/registri/layak/bnba.xlsx?kecamatan=" + MUNCAR + "&desa=" + CaseData.MUNCAR_DESA))
				.as(user)
				.isEqualTo(403);
			assertThat(status(session, "/registri/lokus")).as(user).isEqualTo(403);
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM registry_access").query(Long.class).single()).isOne();
	}

	@Test
	void badListParametersAnswer400() throws Exception {
		Cookie secretariat = Logins.login(this.mvc, "sekretariat");
		for (String query : List.of("kecamatan=abc", "kecamatan=99.99.99", "kecamatan=" + "1".repeat(300),
				"kecamatan=35.10.09%00", "kecamatan=35.10.09&page=-1", "kecamatan=35.10.09&page=abc",
				"kecamatan=35.10.09&page=99999999999999999999", "kecamatan=35.10.09&desa=xyz",
				"kecamatan=35.10.09&desa=35.10.05.2002", "desa=35.10.09.2002", "kecamatan=35.10.09&desa=99.99.99.9999",
				"kecamatan=-1")) {
			MvcResult result = this.mvc.perform(get("/registri/layak?" + query).cookie(secretariat)).andReturn();
			assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
		}
		for (String query : List.of("", "kecamatan=35.10.09", "kecamatan=35.10.09&desa=", "kecamatan=abc&desa=x",
				"kecamatan=35.10.09&desa=35.10.05.2002")) {
			assertThat(status(secretariat, "/registri/layak/bnba.xlsx?" + query)).as(query).isEqualTo(400);
		}
		MvcResult noDesa = this.mvc.perform(get("/registri/layak/bnba.xlsx?kecamatan=35.10.09").cookie(secretariat))
			.andReturn();
		assertThat(noDesa.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Pilih desa");
	}

	@Test
	void theBnbaFileOpensWithPoiWithItsColumnsAndOneRowPerMember() throws Exception {
		long a = household("Dusun Krajan 9", GENTENG_DESA, 2, null);
		this.jdbc.sql("UPDATE household SET kk = '3510090101260001' WHERE id = :id").param("id", a).update();
		long budi = person(a, "Budi Santoso", LocalDate.of(1990, 1, 1));
		person(a, "Ani Santoso", LocalDate.of(1950, 3, 4));
		// A case of one member gives the household's RT/RW.
		link(fileCase(Logins.login(this.mvc, "upt.genteng"), GENTENG_DESA, "Rumah bocor", "BANTUAN_SOSIAL"), budi,
				null);
		long b = household("Dusun Krajan 10", GENTENG_DESA, 3, null);
		this.jdbc
			.sql("""
					INSERT INTO person (nik_unknown_reason, name, household_id, kecamatan_code, desa_code, address, created_at, updated_at)
					VALUES ('Belum punya KTP', 'Mbah Tanpa KTP', :h, left(:d, 8), :d, 'Dusun Krajan 10', now(), now())""")
			.param("h", b)
			.param("d", GENTENG_DESA)
			.update();
		long other = household("Dusun Lain", GENTENG_DESA_2, 1, null);
		person(other, "Desa Lain", LocalDate.of(1980, 1, 1));
		Cookie secretariat = Logins.login(this.mvc, "sekretariat");
		MvcResult result = this.mvc
			.perform(
					get("/registri/layak/bnba.xlsx?kecamatan=" + GENTENG + "&desa=" + GENTENG_DESA).cookie(secretariat))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		String desaName = this.jdbc.sql("SELECT name FROM desa WHERE code = :c")
			.param("c", GENTENG_DESA)
			.query(String.class)
			.single();
		assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.contains("BNBA-" + desaName + "-2026-12-01.xlsx");
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter format = new DataFormatter();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
				}
				rows.add(cells);
			}
		}
		assertThat(rows.get(0)).containsExactly("No", "NIK", "No. KK", "Nama", "Jenis Kelamin", "Tanggal Lahir", "Umur",
				"Hubungan", "Alamat", "RT", "RW", "Desa/Kelurahan", "Kecamatan", "Desil", "Sumber Desil",
				"Tanggal Desil", "Bantuan Terakhir", "Tanggal Bantuan Terakhir", "Kerentanan", "Keterangan");
		assertThat(rows).hasSize(4);
		// Both vulnerable, by desil: the household with an elderly member (desil 2, its
		// members by name), then the one living alone without KTP (desil 3).
		assertThat(rows.get(1).get(3)).isEqualTo("Ani Santoso");
		assertThat(rows.get(1).get(0)).isEqualTo("1");
		assertThat(rows.get(1).get(1)).matches("3510\\d{12}");
		assertThat(rows.get(1).get(2)).isEqualTo("3510090101260001");
		assertThat(rows.get(1).get(5)).isEqualTo("04-03-1950");
		assertThat(rows.get(1).get(6)).isEqualTo("76");
		assertThat(rows.get(1).get(7)).isEqualTo("-");
		assertThat(rows.get(1).get(11)).isEqualTo(desaName);
		assertThat(rows.get(1).get(12)).isEqualTo("Genteng");
		assertThat(rows.get(1).get(13)).isEqualTo("2");
		assertThat(rows.get(1).get(14)).isEqualTo("DTSEN");
		assertThat(rows.get(1).get(16)).isEqualTo("belum pernah");
		assertThat(rows.get(1).get(18)).isEqualTo("Lansia");
		assertThat(rows.get(1).get(9)).isEqualTo("002");
		assertThat(rows.get(1).get(10)).isEqualTo("005");
		assertThat(rows.get(2).get(3)).isEqualTo("Budi Santoso");
		assertThat(rows.get(3).get(9)).isEqualTo("-");
		assertThat(rows.get(3).get(3)).isEqualTo("Mbah Tanpa KTP");
		assertThat(rows.get(3).get(1)).isEqualTo("-");
		assertThat(rows.get(3).get(18)).isEqualTo("Hidup sendiri");
		assertThat(rows.get(3).get(19)).contains("Tanpa NIK: Belum punya KTP", "Belum pernah menerima bantuan");
		assertThat(rows.stream().map(r -> r.get(3))).doesNotContain("Desa Lain");
		assertThat(this.jdbc.sql("SELECT record_type || ' ' || page FROM registry_access").query(String.class).list())
			.containsExactly("EXPORT /registri/layak/bnba.xlsx?kecamatan=" + GENTENG + "&desa=" + GENTENG_DESA);
		// The operator of the kecamatan may download it too.
		Cookie genteng = Logins.login(this.mvc, "upt.genteng");
		assertThat(status(genteng, "/registri/layak/bnba.xlsx?desa=" + GENTENG_DESA)).isEqualTo(200);
	}

	@Test
	void theAdminMarksAndUnmarksPriorityDesaIdempotentAndAudited() throws Exception {
		Cookie admin = Logins.login(this.mvc, "admin");
		assertThat(page(admin, "/admin/lokus?kecamatan=" + GENTENG)).contains("Belum ada desa", GENTENG_DESA);
		for (int i = 0; i < 2; i++) {
			MvcResult marked = this.mvc
				.perform(post("/admin/lokus/tandai").param("desa", GENTENG_DESA).cookie(admin).with(csrf()))
				.andReturn();
			assertThat(marked.getResponse().getRedirectedUrl()).isEqualTo("/admin/lokus?kecamatan=" + GENTENG);
			assertThat(marked.getFlashMap().get("flashSuccess"))
				.isEqualTo(i == 0 ? "prio.marked" : "prio.alreadyMarked");
		}
		assertThat(this.jdbc.sql("SELECT desa_code FROM priority_desa").query(String.class).list())
			.containsExactly(GENTENG_DESA);
		Cookie secretariat = Logins.login(this.mvc, "sekretariat");
		assertThat(page(secretariat, "/admin/lokus")).contains(GENTENG_DESA).doesNotContain("/admin/lokus/hapus");
		assertThat(this.mvc
			.perform(post("/admin/lokus/tandai").param("desa", GENTENG_DESA_2).cookie(secretariat).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(post("/admin/lokus/tandai").param("desa", GENTENG_DESA_2).cookie(admin))
			.andReturn()
			.getResponse()
			.getStatus()).as("without CSRF").isEqualTo(403);
		for (int i = 0; i < 2; i++) {
			MvcResult unmarked = this.mvc
				.perform(post("/admin/lokus/hapus").param("desa", GENTENG_DESA).cookie(admin).with(csrf()))
				.andReturn();
			assertThat(unmarked.getFlashMap().get("flashSuccess"))
				.isEqualTo(i == 0 ? "prio.unmarked" : "prio.notMarked");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM priority_desa").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT action FROM change_audit WHERE entity_type = 'PRIORITY_DESA' ORDER BY id")
			.query(String.class)
			.list()).containsExactly("CREATED", "DELETED");
		for (String bad : List.of("", "xyz", "99.99.99.9999", "1".repeat(300))) {
			assertThat(this.mvc.perform(post("/admin/lokus/tandai").param("desa", bad).cookie(admin).with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus()).as(bad).isEqualTo(400);
			assertThat(this.mvc.perform(post("/admin/lokus/hapus").param("desa", bad).cookie(admin).with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus()).as(bad).isEqualTo(400);
		}
		assertThat(this.mvc.perform(post("/admin/lokus/tandai").param("desa", "35.10\u0000").cookie(admin).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(status(admin, "/admin/lokus?kecamatan=abc")).isEqualTo(400);
		assertThat(status(admin, "/admin/lokus?kecamatan=99.99.99")).isEqualTo(400);
		assertThat(status(Logins.login(this.mvc, "upt.genteng"), "/admin/lokus")).isEqualTo(403);
	}

	@Test
	void aCaseInAPriorityDesaCarriesTheBadgeAndTheDashboardFiltersIt() throws Exception {
		Cookie muncarUpt = Logins.login(this.mvc, "upt.muncar");
		String inLokus = fileCase(muncarUpt, CaseData.MUNCAR_DESA, "Rumah bocor", "BANTUAN_SOSIAL");
		String outside = fileCase(muncarUpt, CaseData.MUNCAR_DESA_2, "Rumah bocor", "BANTUAN_SOSIAL");
		Cookie admin = Logins.login(this.mvc, "admin");
		this.mvc.perform(post("/admin/lokus/tandai").param("desa", CaseData.MUNCAR_DESA).cookie(admin).with(csrf()));
		assertThat(page(muncarUpt, "/kasus/" + inLokus)).contains("Lokus prioritas");
		assertThat(page(muncarUpt, "/kasus/" + outside)).doesNotContain("Lokus prioritas");
		String list = page(muncarUpt, "/kasus");
		assertThat(list).contains(inLokus, outside, "Lokus prioritas");
		// The dashboard: with the filter, only the lokus' case.
		String all = dashboard("");
		String lokus = dashboard("&lokus=true");
		long filedAll = filed(all);
		assertThat(filedAll).isGreaterThanOrEqualTo(2);
		assertThat(filed(lokus)).isEqualTo(this.jdbc.sql("""
				SELECT count(*) FROM case_file WHERE desa_code IN (SELECT desa_code FROM priority_desa)
				AND filed_at >= :from""")
			.param("from", java.sql.Timestamp.from(NOW.minusSeconds(30L * 86400)))
			.query(Long.class)
			.single());
		assertThat(filed(lokus)).isLessThan(filedAll);
		assertThat(filed(dashboard("&lokus=false"))).isEqualTo(filedAll);
		Cookie secretariat = Logins.login(this.mvc, "sekretariat");
		assertThat(page(secretariat, "/dasbor?lokus=true")).contains("Hanya lokus prioritas");
		for (String bad : List.of("maybe", "1", "x".repeat(300))) {
			assertThat(status(secretariat, "/dasbor?lokus=" + bad)).as(bad).isEqualTo(400);
			assertThat(this.mvc
				.perform(get("/api/v1/dashboard?lokus=" + bad).with(httpBasic("pimpinan", Logins.DEMO_PASSWORD)))
				.andReturn()
				.getResponse()
				.getStatus()).as(bad).isEqualTo(400);
		}
		// Unmarked: the badge goes.
		this.mvc.perform(post("/admin/lokus/hapus").param("desa", CaseData.MUNCAR_DESA).cookie(admin).with(csrf()));
		assertThat(page(muncarUpt, "/kasus/" + inLokus)).doesNotContain("Lokus prioritas");
	}

	@Test
	void theNeedsOfAPriorityDesaCountHouseholdsByType() throws Exception {
		Cookie muncarUpt = Logins.login(this.mvc, "upt.muncar");
		// Two cases of one person: one household.
		String first = fileCase(muncarUpt, CaseData.MUNCAR_DESA, "Rumah tidak layak, tidak ada jamban",
				"RUMAH_TIDAK_LAYAK_HUNI");
		String second = fileCase(muncarUpt, CaseData.MUNCAR_DESA, "Atap bocor dan belum ada listrik",
				"RUMAH_TIDAK_LAYAK_HUNI");
		long h = household("Dusun D", CaseData.MUNCAR_DESA, 2, null);
		long p = person(h, "Satu Rumah", LocalDate.of(1980, 1, 1));
		link(first, p, null);
		link(second, p, null);
		// An unlinked case: its own household.
		fileCase(muncarUpt, CaseData.MUNCAR_DESA, "Anak putus sekolah, balita stunting", "PENDIDIKAN");
		// A case outside the lokus: not counted.
		fileCase(muncarUpt, CaseData.MUNCAR_DESA_2, "Tidak ada jamban", "RUMAH_TIDAK_LAYAK_HUNI");
		// An imported RTLH list's household.
		long listed = household("Dusun E", CaseData.MUNCAR_DESA, 3, null);
		this.jdbc.sql("""
				INSERT INTO intervention_received (household_id, intervention_code, received_on, import_id, recorded_at)
				VALUES (:h, 'BEDAH_RUMAH_RTLH', DATE '2026-06-01', :import, now())""")
			.param("h", listed)
			.param("import", this.importId)
			.update();
		Cookie admin = Logins.login(this.mvc, "admin");
		this.mvc.perform(post("/admin/lokus/tandai").param("desa", CaseData.MUNCAR_DESA).cookie(admin).with(csrf()));
		Map<String, Map<NeedMapping.Need, Long>> counts = this.needs.byDesa(secretariat());
		assertThat(counts).containsOnlyKeys(CaseData.MUNCAR_DESA);
		Map<NeedMapping.Need, Long> muncar = counts.get(CaseData.MUNCAR_DESA);
		assertThat(muncar.get(NeedMapping.Need.RTLH)).isEqualTo(2);
		assertThat(muncar.get(NeedMapping.Need.SANITASI)).isEqualTo(1);
		assertThat(muncar.get(NeedMapping.Need.LISTRIK)).isEqualTo(1);
		assertThat(muncar.get(NeedMapping.Need.ANAK_TIDAK_SEKOLAH)).isEqualTo(1);
		assertThat(muncar.get(NeedMapping.Need.RISIKO_STUNTING)).isEqualTo(1);
		assertThat(muncar).doesNotContainKey(NeedMapping.Need.PENGANGGURAN);
		String page = page(Logins.login(this.mvc, "sekretariat"), "/registri/lokus");
		assertThat(page).contains("Kebutuhan per desa lokus", "Kedungrejo", "data-need=\"RTLH\">2<")
			.doesNotContain("Satu Rumah", "Siti Aminah");
		assertThat(page(muncarUpt, "/registri/lokus")).contains("Kedungrejo");
		assertThat(page(Logins.login(this.mvc, "upt.genteng"), "/registri/lokus")).doesNotContain("Kedungrejo")
			.contains("Belum ada desa lokus");
	}

	@Test
	void theListQueryOfAKecamatanOf25000HouseholdsIsIndexDriven() {
		this.jdbc
			.sql("""
					INSERT INTO household (kk, kecamatan_code, desa_code, address, address_key, desil, desil_source, desil_as_of,
					                       last_helped_on, created_at)
					SELECT '35109' || lpad(i::text, 11, '0'), '35.10.09', d.codes[1 + i % array_length(d.codes, 1)],
					       'Dusun ' || i, 'dusun ' || i, 1 + i % 10, 'DTSEN', DATE '2026-01-01',
					       CASE WHEN i % 3 = 0 THEN DATE '2026-10-01' WHEN i % 3 = 1 THEN DATE '2024-10-01' END, now()
					FROM generate_series(1, 25000) i
					CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM desa WHERE kecamatan_code = '35.10.09') d""")
			.update();
		this.jdbc
			.sql("""
					INSERT INTO person (nik, name, sex, birth_date, household_id, kecamatan_code, desa_code, address, created_at, updated_at)
					SELECT '3510' || lpad((h.id * 3 + m)::text, 12, '0'), 'Warga ' || h.id || '-' || m, 'L',
					       DATE '1940-01-01' + ((h.id * 7 + m * 3000) % 25000)::int, h.id, h.kecamatan_code, h.desa_code, h.address, now(), now()
					FROM household h CROSS JOIN generate_series(0, 2) m
					WHERE h.kecamatan_code = '35.10.09' AND (m = 0 OR h.id % 5 <> 0)""")
			.update();
		this.jdbc.sql("ANALYZE household").update();
		this.jdbc.sql("ANALYZE person").update();
		this.jdbc.sql("ANALYZE person_case").update();
		EligibleQueries.Criteria criteria = this.queries.criteria(GENTENG, null);
		List<String> plan = this.queries.explainPage(secretariat(), criteria);
		System.out.println("Eligible list, one kecamatan of 25,000 households:\n" + String.join("\n", plan));
		String text = String.join("\n", plan);
		assertThat(text).contains("household_kecamatan_desil").doesNotContainPattern("Seq Scan on (household|person) ");
		long started = System.nanoTime();
		List<EligibleQueries.Row> rows = this.queries.page(secretariat(), criteria, 0, 25);
		List<EligibleQueries.DesaCount> summary = this.queries.desaSummary(secretariat(), criteria);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("Eligible page + summary: " + millis + " ms, "
				+ summary.stream().mapToLong(EligibleQueries.DesaCount::eligible).sum() + " eligible");
		assertThat(rows).hasSize(25);
		assertThat(rows.get(0).vulnerable()).isTrue();
	}

	private RegistryScope secretariat() {
		long id = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'sekretariat'").query(Long.class).single();
		return new RegistryScope(Role.SEKRETARIAT, id, null, null);
	}

	private long household(String address, String desa, Integer desil, LocalDate lastHelpedOn) {
		return this.jdbc
			.sql("""
					INSERT INTO household (kecamatan_code, desa_code, address, address_key, desil, desil_source, desil_as_of,
					                       last_helped_on, created_at)
					VALUES (left(:desa, 8), :desa, :address, lower(:address), :desil, CASE WHEN :desil::int IS NOT NULL THEN 'DTSEN' END,
					        CASE WHEN :desil::int IS NOT NULL THEN DATE '2026-03-01' END, :helped, now())
					RETURNING id""")
			.param("desa", desa)
			.param("address", address)
			.param("desil", desil)
			.param("helped", lastHelpedOn)
			.query(Long.class)
			.single();
	}

	private long person(long household, String name, LocalDate birthDate) {
		this.serial++;
		return this.jdbc
			.sql("""
					INSERT INTO person (nik, name, sex, birth_date, household_id, kecamatan_code, desa_code, address, created_at, updated_at)
					SELECT :nik, :name, 'P', :born, h.id, h.kecamatan_code, h.desa_code, h.address, now(), now()
					FROM household h WHERE h.id = :h RETURNING id""")
			.param("nik", String.format("35100941%08d", this.serial + (int) (System.nanoTime() % 1000) * 10000))
			.param("name", name)
			.param("born", birthDate)
			.param("h", household)
			.query(Long.class)
			.single();
	}

	private void link(String ticket, long person, String flag) {
		long caseId = this.jdbc.sql("SELECT id FROM case_file WHERE ticket = :t")
			.param("t", ticket)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO person_case (case_id, person_id, linked_by, linked_at) VALUES (:c, :p, 'OPERATOR', now())
				ON CONFLICT (case_id) DO UPDATE SET person_id = :p""").param("c", caseId).param("p", person).update();
		if (flag != null) {
			this.jdbc.sql("INSERT INTO case_vulnerability (case_id, flag) VALUES (:c, :f) ON CONFLICT DO NOTHING")
				.param("c", caseId)
				.param("f", flag)
				.update();
		}
	}

	private String fileCase(Cookie upt, String desa, String description, String... categories) throws Exception {
		MvcResult result = this.mvc
			.perform(CaseData
				.form(CaseData.nik(),
						Map.of("confirmDuplicate", "true", "desaCode", desa, "description",
								description + " — uraian cukup panjang untuk kasus ini."),
						categories)
				.cookie(upt)
				.with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("filing").startsWith("/kasus/UGD-");
		return result.getResponse().getRedirectedUrl().substring("/kasus/".length());
	}

	private String dashboard(String filters) throws Exception {
		return this.mvc
			.perform(get("/api/v1/dashboard?period=30d" + filters).with(httpBasic("pimpinan", Logins.DEMO_PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static long filed(String json) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"filed\":(\\d+)").matcher(json);
		assertThat(m.find()).as(json).isTrue();
		return Long.parseLong(m.group(1));
	}

	private MockHttpServletRequestBuilder settingsForm(String never, String desil, String months, String version) {
		return post("/admin/registri").param("neverHelpedMonths", never)
			.param("eligibleMaxDesil", desil)
			.param("eligibleMonths", months)
			.param("version", version)
			.with(csrf());
	}

	private String page(Cookie session, String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path).cookie(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private int status(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session)).andReturn().getResponse().getStatus();
	}

}
