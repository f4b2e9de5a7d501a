package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data correction proposals in headless Chromium, looked at by {@link Browser#look}: the
 * secretariat's list (waiting first, one past its verval time, one decided), its decision
 * form, and the admin's verval setting with a refused value.
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false",
		"ugd.test.database=ugd_proposals_browser" })
class ProposalsBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	@Order(1)
	void theSecretariatSeesWaitingProposalsAndDecidesOne() {
		Instant now = this.clock.instant();
		proposal("UGD-26-980001", "Sulastri", "USUL_MASUK_DTSEN", now.minus(Duration.ofHours(3)), null);
		proposal("UGD-26-980002", "Mbah Sarni", "SANGGAH_PENERIMA", now.minus(Duration.ofDays(3)), null);
		proposal("UGD-26-980003", "Pak Darmo", "USUL_PERBAIKAN_DESIL", now.minus(Duration.ofDays(1)), "DITERIMA");
		this.jdbc.sql("UPDATE data_proposal SET breached_at = due_at WHERE due_at < :now")
			.param("now", Timestamp.from(now))
			.update();

		this.browser.login("sekretariat");
		this.browser.open("/registri/usulan");
		assertThat(this.browser.pageText()).contains("Usulan perbaikan data", "Usul masuk DTSEN", "Sulastri",
				"Sanggah penerima", "terlambat", "sisa", "Diterima", "Batas verval");
		this.browser.look("proposals-list");
		this.browser.open("/registri/usulan?desa=" + CaseData.MUNCAR_DESA + "&kecamatan=35.10.05");
		this.browser.js("document.querySelector(\"tr[id^='usulan-'] details\").open = true;");
		this.browser.look("proposals-decide");
		// Looking weighs the page (reloads it): open the form again.
		this.browser.js("document.querySelector(\"tr[id^='usulan-'] details\").open = true;");
		this.browser.js("document.querySelector(\"tr[id^='usulan-'] input[value='DITERIMA']\").checked = true;");
		this.browser.clickToLoad("tr[id^='usulan-'] form button[type=submit]");
		assertThat(this.browser.pageText()).contains("Usulan diterima");
		this.browser.logout();
	}

	@Test
	@Order(2)
	void theAdminSetsTheVervalTime() {
		this.browser.login("admin");
		this.browser.open("/admin/registri/verval");
		assertThat(this.browser.pageText()).contains("Batas verval usulan data", "Usul masuk DTSEN", "24/7");
		this.browser.look("admin-verval");
		this.browser.type("#days-USUL_MASUK_DTSEN", "45");
		this.browser.clickToLoad("#verval-USUL_MASUK_DTSEN button[type=submit]");
		assertThat(this.browser.pageText()).contains("Batas verval antara 1 dan 30 hari.");
		this.browser.look("admin-verval-error");
		this.browser.logout();
	}

	@Test
	@Order(3)
	void everyViewIsAccessibleAndFitsThePhone() throws IOException {
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("axe-proposals.md"), this.browser.axeReport());
		assertThat(this.browser.problems()).isEmpty();
	}

	private void proposal(String ticket, String name, String kind, Instant resolvedAt, String decided) {
		this.jdbc
			.sql("""
					WITH kase AS (
					    INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
					        beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
					    SELECT :ticket, 'ABCDEF', 'SELESAI', 'NORMAL', '35.10.05', :desa, 'Dusun Krajan 3',
					        :name, 'Belum punya KTP', 'LANGSUNG', 'Belum terdaftar di DTSEN, hidup sendiri.', :filed, u.id
					    FROM app_user u WHERE u.username = 'upt.muncar'
					    RETURNING id),
					category AS (INSERT INTO case_category (case_id, category_code) SELECT id, 'BANTUAN_SOSIAL' FROM kase),
					task AS (
					    INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at,
					        closed_at, intervention_code)
					    SELECT id, 'DINSOS', 'SELESAI', :filed, CAST(:filed AS timestamptz) + interval '4 hours', CAST(:filed AS timestamptz) + interval '3 hours',
					        :resolved, :resolved, :kind FROM kase
					    RETURNING id, case_id)
					INSERT INTO data_proposal (kind, case_id, assignment_id, kecamatan_code, desa_code, proposed_at,
					    proposed_by, due_at, due_in_working_days, status, decided_at, decided_by, decision_note)
					SELECT :kind, t.case_id, t.id, '35.10.05', :desa, :resolved, 'DINSOS', CAST(:resolved AS timestamptz) + interval '2 days',
					    false, coalesce(CAST(:decided AS text), 'MENUNGGU'),
					    CASE WHEN CAST(:decided AS text) IS NULL THEN NULL ELSE CAST(:resolved AS timestamptz) + interval '5 hours' END,
					    CASE WHEN CAST(:decided AS text) IS NULL THEN NULL ELSE (SELECT id FROM app_user WHERE username = 'dinsos') END,
					    CASE WHEN CAST(:decided AS text) IS NULL THEN NULL ELSE 'Sudah diverifikasi bersama pendamping desa.' END
					FROM task t""")
			.param("ticket", ticket)
			.param("desa", CaseData.MUNCAR_DESA)
			.param("name", name)
			.param("kind", kind)
			.param("filed", Timestamp.from(resolvedAt.minus(Duration.ofHours(2))))
			.param("resolved", Timestamp.from(resolvedAt))
			.param("decided", decided)
			.update();
	}

}
