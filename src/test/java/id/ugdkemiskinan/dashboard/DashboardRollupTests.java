package id.ugdkemiskinan.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The roll-up of days and months: 600 assignments from 20 Sep to 19 Nov 2026 ("now" is 20
 * Nov 12.00 WIB), with response times spread over 0–700 minutes (some late), some waiting
 * and some cancelled. Figures read through the roll-up must equal the figures from the
 * raw tables, and the percentiles must equal {@code percentile_cont} over the whole
 * response minutes.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=dashboard_rollup")
class DashboardRollupTests {

	static final Instant NOW = Instant.parse("2026-11-20T05:00:00Z");

	static final String PERIOD = "from=2026-09-25&to=2026-11-19";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	DashboardRollups rollups;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void craftTheDataSet() {
		this.clock.set(NOW);
		this.jdbc.sql("DELETE FROM dashboard_span").update();
		if (this.jdbc.sql("SELECT count(*) FROM case_file WHERE ticket LIKE 'UGD-RU-%'")
			.query(Long.class)
			.single() > 0) {
			return;
		}
		this.jdbc
			.sql("""
					WITH d AS (SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, kecamatan_code FROM desa),
					cases AS (
					    INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
					        beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by, closed_at)
					    SELECT 'UGD-RU-' || lpad(g::text, 6, '0'), 'ABCDEF',
					        CASE WHEN g % 10 = 0 THEN 'TERBUKA' WHEN g % 3 = 0 THEN 'SELESAI' ELSE 'DITUTUP' END,
					        'NORMAL', d.kecamatan_code, d.code, 'Alamat', 'Warga ' || g, 'Uji', 'LANGSUNG', 'Data roll-up',
					        TIMESTAMPTZ '2026-09-20 00:00+07' + g * interval '144 minutes',
					        (SELECT id FROM app_user WHERE username = 'upt.muncar'),
					        CASE WHEN g % 10 <> 0 AND g % 3 <> 0 THEN TIMESTAMPTZ '2026-11-20 00:00+07' END
					    FROM generate_series(1, 600) g JOIN d ON d.i = (g * 37) % (SELECT count(*) FROM d)
					    RETURNING id, status, filed_at),
					categories AS (
					    INSERT INTO case_category (case_id, category_code)
					    SELECT id, (ARRAY['KESEHATAN','PENDIDIKAN','BANTUAN_SOSIAL','RUMAH_TIDAK_LAYAK_HUNI','EKONOMI_PEKERJAAN'])[1 + id % 5]
					    FROM cases
					    UNION ALL
					    SELECT id, 'LAINNYA' FROM cases WHERE id % 4 = 0)
					INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at, closed_at)
					SELECT id, (ARRAY['DINKES','DINDIK','DINSOS','BPMD'])[1 + (id * 7) % 4],
					    CASE WHEN status = 'TERBUKA' THEN 'MENUNGGU_RESPON' WHEN id % 17 = 0 THEN 'DIBATALKAN' ELSE 'SELESAI' END,
					    filed_at, filed_at + interval '4 hours', filed_at + interval '3 hours',
					    CASE WHEN status = 'TERBUKA' OR id % 17 = 0 THEN NULL
					         ELSE filed_at + ((id * 7919) % 700) * interval '1 minute' + (id % 60) * interval '1 second' END,
					    CASE WHEN status = 'TERBUKA' THEN NULL ELSE filed_at + interval '2 days' END
					FROM cases""")
			.update();
	}

	@Test
	void theRollUpGivesTheFiguresOfTheRawTablesAndPercentilesExactlyAsPercentileCont() throws Exception {
		String raw = figures("pimpinan", PERIOD);
		String week = figures("pimpinan", "from=2026-11-03&to=2026-11-09");
		String october = figures("pimpinan", "from=2026-10-01&to=2026-10-31");
		String dinkes = figures("dinkes", PERIOD);
		String dinsosInGenteng = figures("pimpinan", PERIOD + "&dinas=DINSOS&kecamatan=35.10.09");
		assertThat(this.rollups.refresh()).as("spans are built only after the grace time").isZero();
		this.clock.set(NOW.plus(Duration.ofMinutes(6)));
		assertThat(this.rollups.refresh())
			.as("61 days (20 Sep to 19 Nov), 9 weeks (14 Sep to 15 Nov), September and October")
			.isEqualTo(72);
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM dashboard_response WHERE grain = 'M' AND span_start = TIMESTAMPTZ '2026-10-01 00:00+07'")
			.query(Long.class)
			.single()).isGreaterThan(100);
		assertThat(this.jdbc.sql("""
				SELECT (SELECT sum(on_time) * 100000 + sum(late) FROM dashboard_response_bucket WHERE grain = 'M')
				     = (SELECT sum(on_time) * 100000 + sum(late) FROM dashboard_response WHERE grain = 'M')""")
			.query(Boolean.class)
			.single()).as("the buckets hold the minute rows' responses").isTrue();
		assertThat(this.rollups.clean(Instant.parse("2026-09-24T17:00:00Z"), Instant.parse("2026-11-19T17:00:00Z")))
			.filteredOn(span -> span.grain() == DashboardRollups.MONTH)
			.extracting(DashboardRollups.Span::start)
			.containsExactly(Instant.parse("2026-09-30T17:00:00Z"));
		this.clock.set(NOW);
		assertThat(figures("pimpinan", PERIOD)).isEqualTo(raw);
		assertThat(figures("pimpinan", "from=2026-11-03&to=2026-11-09")).isEqualTo(week);
		assertThat(figures("pimpinan", "from=2026-10-01&to=2026-10-31")).isEqualTo(october);
		assertThat(figures("dinkes", PERIOD)).as("a dinas's own view, rolled up per dinas").isEqualTo(dinkes);
		assertThat(figures("pimpinan", PERIOD + "&dinas=DINSOS&kecamatan=35.10.09")).isEqualTo(dinsosInGenteng);
		assertThat(this.json.readTree(dinkes).get("byDinas")).hasSize(1);
		// The figures above really came from the roll-up: a changed roll-up row shows.
		this.jdbc
			.sql("""
					UPDATE dashboard_response_bucket SET on_time = on_time + 1000
					WHERE (grain, span_start, scope, dimension, code, bucket) IN (
					    SELECT grain, span_start, scope, dimension, code, bucket FROM dashboard_response_bucket
					    WHERE grain = 'M' AND span_start = TIMESTAMPTZ '2026-10-01 00:00+07' AND scope = 'DINKES' AND dimension = 'T'
					    LIMIT 1)""")
			.update();
		assertThat(this.json.readTree(figures("dinkes", PERIOD)).get("onTime").asLong())
			.isEqualTo(this.json.readTree(dinkes).get("onTime").asLong() + 1000);

		JsonNode figures = this.json.readTree(raw);
		Map<String, Object> expected = this.jdbc
			.sql("""
					SELECT count(*) FILTER (WHERE a.responded_at <= a.due_at) AS on_time,
					       count(*) FILTER (WHERE a.responded_at > a.due_at) AS late,
					       percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(epoch FROM a.responded_at - a.assigned_at) / 60)) AS median,
					       percentile_cont(0.9) WITHIN GROUP (ORDER BY floor(extract(epoch FROM a.responded_at - a.assigned_at) / 60)) AS p90
					FROM assignment a
					WHERE a.due_at >= TIMESTAMPTZ '2026-09-25 00:00+07' AND a.due_at < TIMESTAMPTZ '2026-11-20 00:00+07'
					  AND a.responded_at IS NOT NULL AND a.status <> 'DIBATALKAN'""")
			.query()
			.singleRow();
		assertThat(figures.get("onTime").asLong()).isEqualTo(((Number) expected.get("on_time")).longValue())
			.isPositive();
		assertThat(figures.get("late").asLong()).isEqualTo(((Number) expected.get("late")).longValue()).isPositive();
		assertThat(figures.get("responseMinutesMedian").asDouble()).isCloseTo((Double) expected.get("median"),
				within(1e-9));
		assertThat(figures.get("responseMinutesP90").asDouble()).isCloseTo((Double) expected.get("p90"), within(1e-9));
		List<Map<String, Object>> byDinas = this.jdbc
			.sql("""
					SELECT a.dinas_code,
					       percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(epoch FROM a.responded_at - a.assigned_at) / 60)) AS median
					FROM assignment a
					WHERE a.due_at >= TIMESTAMPTZ '2026-09-25 00:00+07' AND a.due_at < TIMESTAMPTZ '2026-11-20 00:00+07'
					  AND a.responded_at IS NOT NULL AND a.status <> 'DIBATALKAN'
					GROUP BY a.dinas_code ORDER BY a.dinas_code""")
			.query()
			.listOfRows();
		assertThat(figures.get("byDinas")).hasSize(byDinas.size());
		for (int i = 0; i < byDinas.size(); i++) {
			assertThat(figures.get("byDinas").get(i).get("dinasCode").asText())
				.isEqualTo(byDinas.get(i).get("dinas_code"));
			assertThat(figures.get("byDinas").get(i).get("responseMinutesMedian").asDouble())
				.isCloseTo((Double) byDinas.get(i).get("median"), within(1e-9));
		}
	}

	/**
	 * The percentiles for every size from 1 to 60 responses (so every remainder of the
	 * integer rank arithmetic), minutes 0–96 (seven buckets) with repeats, split between
	 * on-time and late, two thirds from a rolled-up span and the rest from the raw
	 * histogram, against {@code percentile_cont} over the same minutes.
	 */
	@Test
	void percentilesFromHistogramsEqualPercentileContForEverySize() {
		String responses = "SELECT n, i, (i * i * 7 + n) % 97 AS minutes FROM generate_series(1, 60) n, generate_series(1, n) i";
		this.jdbc.sql("""
				INSERT INTO dashboard_span (grain, span_start, span_end, noticed_at, built_at)
				VALUES ('D', TIMESTAMPTZ '2000-01-01 00:00+07', TIMESTAMPTZ '2000-01-02 00:00+07', now(), now())""")
			.update();
		this.jdbc
			.sql("INSERT INTO dashboard_response (grain, span_start, scope, dimension, code, minutes, on_time, late)\n"
					+ "SELECT 'D', TIMESTAMPTZ '2000-01-01 00:00+07', '', 'T', n::text, minutes, count(*) FILTER (WHERE i % 2 = 0),\n"
					+ "       count(*) FILTER (WHERE i % 2 = 1)\n" + "FROM (" + responses
					+ ") r WHERE i % 3 <> 2 GROUP BY n, minutes")
			.update();
		this.jdbc
			.sql("""
					INSERT INTO dashboard_response_bucket (grain, span_start, scope, dimension, code, bucket, on_time, late)
					SELECT grain, span_start, scope, dimension, code, minutes / 16, sum(on_time), sum(late)
					FROM dashboard_response WHERE span_start = TIMESTAMPTZ '2000-01-01 00:00+07' GROUP BY 1, 2, 3, 4, 5, 6""")
			.update();
		List<Map<String, Object>> rows = this.jdbc
			.sql("WITH spans AS (SELECT 'D'::char AS grain, TIMESTAMPTZ '2000-01-01 00:00+07' AS span_start),\n"
					+ "raw AS (SELECT 'T'::char AS dimension, n::text::varchar AS code, minutes, count(*) FILTER (WHERE i % 2 = 0) AS on_time,\n"
					+ "               count(*) FILTER (WHERE i % 2 = 1) AS late\n" + "        FROM (" + responses
					+ ") r WHERE i % 3 = 2 GROUP BY n, minutes)" + DashboardQueries.PERCENTILES)
			.param("scope", "")
			.param("bucket", DashboardRollups.BUCKET_MINUTES)
			.query()
			.listOfRows();
		Map<String, Map<String, Object>> expected = new HashMap<>();
		this.jdbc.sql("""
				SELECT n::text AS code, count(*) AS responses,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY (i * i * 7 + n) % 97) AS median,
				       percentile_cont(0.9) WITHIN GROUP (ORDER BY (i * i * 7 + n) % 97) AS p90
				FROM generate_series(1, 60) n, generate_series(1, n) i GROUP BY n""")
			.query()
			.listOfRows()
			.forEach(row -> expected.put((String) row.get("code"), row));
		assertThat(rows).hasSize(60);
		for (Map<String, Object> row : rows) {
			Map<String, Object> want = expected.get(row.get("code"));
			assertThat(((Number) row.get("on_time")).longValue() + ((Number) row.get("late")).longValue())
				.isEqualTo(((Number) want.get("responses")).longValue());
			assertThat((Double) row.get("median")).as("median of " + row.get("code"))
				.isCloseTo((Double) want.get("median"), within(1e-9));
			assertThat((Double) row.get("p90")).as("p90 of " + row.get("code"))
				.isCloseTo((Double) want.get("p90"), within(1e-9));
		}
	}

	@Test
	void aChangeInARolledUpMonthCountsAtOnceAndTheMonthIsRebuilt() throws Exception {
		buildRollUps();
		JsonNode before = this.json.readTree(figures("sekretariat", PERIOD));
		long waiting = this.jdbc.sql("""
				SELECT a.id FROM assignment a WHERE a.status = 'MENUNGGU_RESPON'
				  AND a.due_at >= TIMESTAMPTZ '2026-10-01 00:00+07' AND a.due_at < TIMESTAMPTZ '2026-11-01 00:00+07'
				ORDER BY a.id LIMIT 1""").query(Long.class).single();
		this.jdbc
			.sql("UPDATE assignment SET status = 'DIRESPON', responded_at = due_at + interval '1 day' WHERE id = :id")
			.param("id", waiting)
			.update();
		assertThat(octoberIsDirty()).isTrue();

		String changed = figures("sekretariat", PERIOD);
		JsonNode after = this.json.readTree(changed);
		assertThat(after.get("late").asLong()).isEqualTo(before.get("late").asLong() + 1);
		assertThat(after.get("overdueOpen").asLong()).isEqualTo(before.get("overdueOpen").asLong() - 1);

		this.clock.set(NOW.plus(Duration.ofMinutes(1)));
		assertThat(this.rollups.refresh()).as("the dirty day, week and month are rebuilt at the next run").isEqualTo(3);
		assertThat(octoberIsDirty()).isFalse();
		this.clock.set(NOW);
		assertThat(figures("sekretariat", PERIOD)).isEqualTo(changed);

		// A category added to a case (a reopening) changes its assignments' months too.
		long caseId = this.jdbc.sql("SELECT case_id FROM assignment WHERE id = :id")
			.param("id", waiting)
			.query(Long.class)
			.single();
		this.jdbc.sql(
				"INSERT INTO case_category (case_id, category_code) VALUES (:c, 'EKONOMI_PEKERJAAN') ON CONFLICT DO NOTHING")
			.param("c", caseId)
			.update();
		assertThat(octoberIsDirty()).isTrue();
	}

	@Test
	void changesOfTodayTouchNoRolledUpSpan() {
		buildRollUps();
		long caseId = this.jdbc.sql("SELECT id FROM case_file WHERE ticket = 'UGD-RU-000001'")
			.query(Long.class)
			.single();
		long assignment = this.jdbc
			.sql("""
					INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from)
					VALUES (:c, 'BPMD', 'MENUNGGU_RESPON', :now, :now + interval '4 hours', :now + interval '3 hours') RETURNING id""")
			.param("c", caseId)
			.param("now", NOW.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		this.jdbc.sql(
				"UPDATE assignment SET status = 'DIRESPON', responded_at = assigned_at + interval '5 minutes' WHERE id = :id")
			.param("id", assignment)
			.update();
		assertThat(this.jdbc.sql("SELECT count(*) FROM dashboard_span WHERE dirty").query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM dashboard_span WHERE span_end > :now")
			.param("now", NOW.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single()).as("no row for the day and month that have not ended").isZero();
	}

	private void buildRollUps() {
		this.rollups.refresh();
		this.clock.set(NOW.plus(Duration.ofMinutes(6)));
		assertThat(this.rollups.refresh()).isEqualTo(72);
		this.clock.set(NOW);
	}

	private boolean octoberIsDirty() {
		return this.jdbc.sql("SELECT dirty FROM dashboard_span WHERE grain = 'M' AND span_start = :m")
			.param("m", OffsetDateTime.parse("2026-10-01T00:00+07:00"))
			.query(Boolean.class)
			.single();
	}

	private String figures(String username, String query) throws Exception {
		return this.mvc.perform(get("/api/v1/dashboard?" + query).with(httpBasic(username, Logins.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
