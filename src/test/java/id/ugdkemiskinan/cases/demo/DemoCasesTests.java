package id.ugdkemiskinan.cases.demo;

import id.ugdkemiskinan.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's first start seeds about 90 days of cases that tell a story on the dashboard.
 */
@IntegrationTest
@TestPropertySource(properties = { "ugd.demo.cases=true", "ugd.test.database=democases" })
class DemoCasesTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoCases demoCases;

	@Test
	void ninetyDaysOfRealisticCasesSeededOnce() {
		long cases = count("SELECT count(*) FROM case_file");
		assertThat(cases).isBetween(1500L, 4000L);
		assertThat(count("SELECT count(DISTINCT kecamatan_code) FROM case_file")).isEqualTo(25);
		assertThat(count("SELECT count(DISTINCT dinas_code) FROM assignment")).isEqualTo(4);
		assertThat(count("SELECT extract(day FROM max(filed_at) - min(filed_at))::bigint FROM case_file"))
			.isBetween(88L, 91L);
		assertThat(count("SELECT count(*) FROM assignment WHERE responded_at > due_at")).as("late ones").isPositive();
		assertThat(count("SELECT count(*) FROM assignment WHERE status = 'MENUNGGU_RESPON' AND due_at < now()"))
			.as("breached ones still open")
			.isPositive();
		assertThat(count("SELECT count(*) FROM case_file WHERE status = 'DITUTUP'")).isPositive();
		assertThat(count("SELECT count(*) FROM resident_feedback")).as("residents who answered").isPositive();
		assertThat(count("SELECT count(*) FROM case_file WHERE nik IS NULL")).as("residents without NIK").isPositive();

		this.demoCases.run(null);
		assertThat(count("SELECT count(*) FROM case_file")).as("seeded once").isEqualTo(cases);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
