package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import id.ugdkemiskinan.sla.SlaSweeper;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation chain in headless Chromium, looked at by {@link Browser#look}: the
 * admin's page of levels (and a refused level), and a case whose assignment reached level
 * 1 with level 2 still to come.
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false",
		"ugd.test.database=ugd_escalation_browser" })
class EscalationBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SlaSweeper sweeper;

	@Autowired
	MutableClock clock;

	@BeforeAll
	void aThreeLevelChain() {
		this.jdbc.sql("DELETE FROM escalation_recipient").update();
		this.jdbc.sql("DELETE FROM escalation_level").update();
		this.jdbc.sql("""
				INSERT INTO escalation_level (level, name, after_minutes, at_risk_percent) VALUES
				  (1, 'Sekretariat', 0, 50), (2, 'Asisten/Sekda', 120, 75), (3, 'Bupati', 240, 50)""").update();
		this.jdbc.sql("""
				INSERT INTO escalation_recipient (level, role, user_id)
				SELECT 1, 'SEKRETARIAT', NULL UNION ALL
				SELECT 2, NULL, id FROM app_user WHERE username = 'pimpinan' UNION ALL
				SELECT 3, 'PIMPINAN', NULL UNION ALL SELECT 3, 'PETUGAS_DINAS', NULL""").update();
	}

	@Test
	@Order(1)
	void theAdminSeesAndEditsTheChain() {
		this.browser.login("admin");
		this.browser.open("/admin/sla/eskalasi");
		assertThat(this.browser.pageText()).contains("Rantai eskalasi", "Level 2: Asisten/Sekda", "Level 3: Bupati");
		this.browser.look("admin-escalation");
		this.browser.type("#add-name", "Bupati dan Wakil");
		this.browser.type("#add-after", "60");
		this.browser.clickToLoad("form[action='/admin/sla/eskalasi'] button[type=submit]");
		assertThat(this.browser.pageText()).contains("lebih besar dari level sebelumnya",
				"Pilih paling sedikit satu penerima");
		this.browser.look("admin-escalation-error");
		this.browser.logout();
	}

	@Test
	@Order(2)
	void theCasePageShowsTheLevelReachedAndTheNextOnesTime() {
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					WITH c AS (
					    INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
					        beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
					    SELECT 'UGD-26-900001', 'ABCDEF', 'TERBUKA', 'NORMAL', '35.10.05', :desa, 'Dusun Krajan 3',
					        'Mbah Sarni', 'Belum punya KTP', 'WHATSAPP', 'Atap rumah bocor dan roboh sebagian.', :assigned, u.id
					    FROM app_user u WHERE u.username = 'upt.muncar'
					    RETURNING id),
					cat AS (INSERT INTO case_category (case_id, category_code) SELECT id, 'KESEHATAN' FROM c)
					INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from)
					SELECT id, 'DINKES', 'MENUNGGU_RESPON', :assigned, :due, :atRisk FROM c""")
			.param("desa", CaseData.MUNCAR_DESA)
			.param("assigned", Timestamp.from(now.minus(Duration.ofHours(5))))
			.param("due", Timestamp.from(now.minus(Duration.ofHours(1))))
			.param("atRisk", Timestamp.from(now.minus(Duration.ofHours(2))))
			.update();
		this.sweeper.sweep();

		this.browser.login("sekretariat");
		this.browser.open("/kasus/UGD-26-900001");
		assertThat(this.browser.pageText()).contains("eskalasi level 1 (Sekretariat)", "level 2 (Asisten/Sekda) pukul",
				"Level 1: Sekretariat");
		this.browser.look("case-escalated");
		this.browser.open("/dasbor");
		assertThat(this.browser.pageText()).contains("eskalasi level 1 (Sekretariat)");
		this.browser.look("dashboard-escalated");
		this.browser.logout();
	}

	@Test
	@Order(3)
	void everyViewIsAccessibleAndFitsThePhone() throws IOException {
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("axe-escalation.md"), this.browser.axeReport());
		assertThat(this.browser.problems()).isEmpty();
	}

}
