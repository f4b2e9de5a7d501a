package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep's dry run ({@code /admin/sla/uji-sapu}) in headless Chromium, looked at by
 * {@link Browser#look}: waiting assignments in every state (to be flagged at risk,
 * breached, escalated; not yet at risk; already flagged; counted in working hours), and a
 * refused {@code pada}.
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false",
		"ugd.test.database=ugd_dryrun_browser" })
class SweepDryRunBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	@Order(1)
	void theAdminSeesWhatTheSweepWouldFlagAndWhy() {
		Instant now = this.clock.instant();
		// hours since assigned, at-risk/breach flags already recorded, working hours
		Object[][] states = { { 1, false, false, false }, { 3.5, false, false, false }, { 3.5, true, false, false },
				{ 5, true, false, false }, { 6, true, true, false }, { 9, true, false, false },
				{ 2, false, false, true } };
		int n = 0;
		for (Object[] s : states) {
			n++;
			Instant assigned = now.minusSeconds(Math.round(((Number) s[0]).doubleValue() * 3600));
			Instant due = assigned.plus(Duration.ofHours(4));
			Instant atRisk = assigned.plus(Duration.ofHours(3));
			boolean atRiskFlagged = (Boolean) s[1];
			boolean breachFlagged = (Boolean) s[2];
			this.jdbc
				.sql("""
						WITH c AS (
						    INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
						        beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
						    SELECT :ticket, 'ABCDEF', 'TERBUKA', 'NORMAL', '35.10.05', '35.10.05.2002', 'Alamat',
						        'Warga Uji', 'Uji', 'LANGSUNG', 'Uji sapu', :assigned, u.id
						    FROM app_user u WHERE u.username = 'upt.muncar'
						    RETURNING id)
						INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, at_risk_at,
						    at_risk_detected_at, breached_at, breach_detected_at, due_in_working_hours)
						SELECT id, :dinas, 'MENUNGGU_RESPON', :assigned, :due, :atRisk,
						    CASE WHEN :atRiskFlagged THEN CAST(:atRisk AS timestamptz) END,
						    CASE WHEN :atRiskFlagged THEN CAST(:atRisk AS timestamptz) END,
						    CASE WHEN :breachFlagged THEN CAST(:due AS timestamptz) END,
						    CASE WHEN :breachFlagged THEN CAST(:due AS timestamptz) END, :working
						FROM c""")
				.param("ticket", "UGD-26-9000" + n)
				.param("dinas", n % 2 == 0 ? "DINKES" : "DINSOS")
				.param("assigned", Timestamp.from(assigned))
				.param("due", Timestamp.from(due))
				.param("atRisk", Timestamp.from(atRisk))
				.param("atRiskFlagged", atRiskFlagged)
				.param("breachFlagged", breachFlagged)
				.param("working", s[3])
				.update();
		}
		this.browser.login("admin");
		this.browser.open("/admin");
		this.browser.clickToLoad("a[href='/admin/sla/uji-sapu']");
		assertThat(this.browser.pageText()).contains("Uji sapu SLA", "Akan ditandai berisiko",
				"Akan ditandai terlambat", "Akan dieskalasi", "Tidak ditandai", "belum tiba, berisiko mulai",
				"sudah ditandai terlambat pada", "dihitung jam kerja");
		this.browser.look("admin-sla-dry-run");
		this.browser.open("/admin/sla/uji-sapu?pada=2020-01-01T10:00");
		assertThat(this.browser.pageText()).contains("Pilih sekarang atau waktu sesudahnya");
		this.browser.look("admin-sla-dry-run-error");
		this.browser.logout();
	}

	@Test
	@Order(2)
	void everyViewIsAccessibleAndFitsThePhone() throws IOException {
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("axe-sla-dry-run.md"), this.browser.axeReport());
		assertThat(this.browser.problems()).isEmpty();
	}

}
