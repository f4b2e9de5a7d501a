package id.ugdkemiskinan.dashboard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The digest's figures for 9 Mar 2027 (WIB), made at 10 Mar 07.00 WIB (00.00 UTC), on a
 * data set of its own: <pre>
 * B1 DINKES due 9 Mar 09.00 WIB  responded on time        on time
 * B2 DINKES due 9 Mar 10.00 WIB  responded on time        on time
 * B3 DINDIK due 9 Mar 11.00 WIB  responded late           late
 * B4 DINSOS due 9 Mar 12.00 WIB  no response              overdue open
 * B5 DINSOS due 9 Mar 13.00 WIB  no response              overdue open
 * B6 BPMD   due 9 Mar 14.00 WIB  responded late           late
 * B7 DINKES due 9 Mar 00.30 WIB  cancelled                not counted
 * B8 DINKES due 10 Mar 00.00 WIB responded late           the next day
 * O1..O8 DINKES due 1..8 Mar 10.00 WIB, no response       older open breaches
 * N1 DINSOS due 10 Mar 06.00 WIB no response              the newest open breach, past the ten
 * P1 BPMD   due 10 Mar 08.00 WIB no response              not yet due
 * </pre>
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=dailydigest")
class DailyDigestsTests {

	static final LocalDate DAY = LocalDate.of(2027, 3, 9);

	static final Instant NOW = Instant.parse("2027-03-10T00:00:00Z");

	@Autowired
	DailyDigests digests;

	@Autowired
	DashboardQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void craftTheDataSet() {
		this.clock.set(NOW);
		if (this.jdbc.sql("SELECT count(*) FROM case_file WHERE ticket LIKE 'UGD-DD-%'")
			.query(Long.class)
			.single() > 0) {
			return;
		}
		kase("B1", "DINKES", "2027-03-09T02:00:00Z", "2027-03-09T01:00:00Z", false);
		kase("B2", "DINKES", "2027-03-09T03:00:00Z", "2027-03-09T02:59:00Z", false);
		kase("B3", "DINDIK", "2027-03-09T04:00:00Z", "2027-03-09T04:01:00Z", false);
		kase("B4", "DINSOS", "2027-03-09T05:00:00Z", null, false);
		kase("B5", "DINSOS", "2027-03-09T06:00:00Z", null, false);
		kase("B6", "BPMD", "2027-03-09T07:00:00Z", "2027-03-09T09:00:00Z", false);
		kase("B7", "DINKES", "2027-03-08T17:30:00Z", null, true);
		kase("B8", "DINKES", "2027-03-09T17:00:00Z", "2027-03-09T18:00:00Z", false);
		for (int i = 1; i <= 8; i++) {
			kase("O" + i, "DINKES", "2027-03-0" + i + "T03:00:00Z", null, false);
		}
		kase("N1", "DINSOS", "2027-03-09T23:00:00Z", null, false);
		kase("P1", "BPMD", "2027-03-10T01:00:00Z", null, false);
	}

	@Test
	void theDaysComplianceByTheDashboardsDefinitions() {
		DailyDigest digest = this.digests.of(DAY);
		assertThat(digest.day()).isEqualTo(DAY);
		assertThat(digest.onTime()).isEqualTo(2);
		assertThat(digest.late()).isEqualTo(2);
		assertThat(digest.overdueOpen()).isEqualTo(2);
		assertThat(digest.breaches()).isEqualTo(4);
		assertThat(digest.compliance()).isCloseTo(2.0 / 6, within(1e-9));
		DashboardFigures figures = this.queries.figures(new DashboardFilter(DAY, DAY, null, null, null));
		assertThat(digest.compliance()).as("the dashboard's figure for the day").isEqualTo(figures.compliance());
		assertThat(digest.onTime()).isEqualTo(figures.onTime());
		assertThat(digest.late()).isEqualTo(figures.late());
		assertThat(digest.overdueOpen()).isEqualTo(figures.overdueOpen());
	}

	@Test
	void breachesByDinasWorstFirst() {
		assertThat(this.digests.of(DAY).byDinas()).containsExactly(
				new DailyDigest.DinasBreaches("DINSOS", "Dinas Sosial", 2, 2),
				new DailyDigest.DinasBreaches("BPMD", "Badan Pemberdayaan Masyarakat dan Desa", 1, 0),
				new DailyDigest.DinasBreaches("DINDIK", "Dinas Pendidikan", 1, 0));
	}

	@Test
	void theTenOldestOpenBreachesOldestFirst() {
		var oldest = this.digests.of(DAY).oldest();
		assertThat(oldest).extracting(DailyDigest.OpenBreach::ticket)
			.containsExactly("UGD-DD-O1", "UGD-DD-O2", "UGD-DD-O3", "UGD-DD-O4", "UGD-DD-O5", "UGD-DD-O6", "UGD-DD-O7",
					"UGD-DD-O8", "UGD-DD-B4", "UGD-DD-B5");
		assertThat(oldest.get(0).dinasName()).isEqualTo("Dinas Kesehatan");
		assertThat(oldest.get(0).dueAt()).isEqualTo(Instant.parse("2027-03-01T03:00:00Z"));
		assertThat(oldest.get(0).overdue()).isEqualTo(Duration.ofDays(8).plusHours(21));
		assertThat(oldest.get(9).overdue()).isEqualTo(Duration.ofHours(18));
	}

	@Test
	void aDayWithNothingDueHasNoCompliance() {
		DailyDigest digest = this.digests.of(LocalDate.of(2027, 2, 1));
		assertThat(digest.onTime()).isZero();
		assertThat(digest.breaches()).isZero();
		assertThat(digest.compliance()).isNull();
		assertThat(digest.byDinas()).isEmpty();
		assertThat(digest.oldest()).hasSize(DailyDigests.OLDEST);
	}

	private void kase(String name, String dinas, String due, String responded, boolean cancelled) {
		Instant dueAt = Instant.parse(due);
		Instant assignedAt = dueAt.minus(Duration.ofHours(4));
		long caseId = this.jdbc
			.sql("""
					INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
					    beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
					VALUES (:ticket, 'ABCDEF', 'TERBUKA', 'NORMAL', '35.10.05', '35.10.05.2001', 'Alamat', :name, 'Uji',
					    'LANGSUNG', 'Data ringkasan harian', :filed, (SELECT id FROM app_user WHERE username = 'upt.muncar'))
					RETURNING id""")
			.param("ticket", "UGD-DD-" + name)
			.param("name", "Warga " + name)
			.param("filed", Timestamp.from(assignedAt))
			.query(Long.class)
			.single();
		String status = cancelled ? "DIBATALKAN" : responded == null ? "MENUNGGU_RESPON" : "SELESAI";
		this.jdbc
			.sql("""
					INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at, closed_at)
					VALUES (:c, :dinas, :status, :assigned, :due, :atRisk, :responded, :closed)""")
			.param("c", caseId)
			.param("dinas", dinas)
			.param("status", status)
			.param("assigned", Timestamp.from(assignedAt))
			.param("due", Timestamp.from(dueAt))
			.param("atRisk", Timestamp.from(dueAt.minus(Duration.ofHours(1))))
			.param("responded", responded == null ? null : Timestamp.from(Instant.parse(responded)))
			.param("closed", status.equals("MENUNGGU_RESPON") ? null : Timestamp.from(dueAt))
			.update();
	}

}
