package id.ugdkemiskinan.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import id.ugdkemiskinan.UgdApplication;
import id.ugdkemiskinan.sla.SlaSweeper;
import id.ugdkemiskinan.support.TestDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test) of the SLA sweeper on real PostgreSQL: the idle sweep with
 * 1,000,000 assignments of which 10,000 are open, against the same at 10,000 assignments
 * in all; and one sweep that flags 10,000 breaches (with their events and notifications).
 * Every case carries its timeline event, as in real use: on an empty event table
 * PostgreSQL plans the foreign-key checks of new events as sequential scans, which would
 * measure a database nobody runs. Run it with
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=id.ugdkemiskinan.bench.SlaSweepBenchmark</pre>
 * Optional argument: the large size (default 1000000).
 */
public final class SlaSweepBenchmark {

	private static final int OPEN = 10_000;

	private static final int IDLE_RUNS = 500;

	private SlaSweepBenchmark() {
	}

	public static void main(String[] args) {
		int large = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		long stamp = System.currentTimeMillis() % 100000;
		String[] extra = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
		double[] small = run("bench_sla_small_" + stamp, OPEN, false, extra);
		double[] big = run("bench_sla_large_" + stamp, large, true, extra);
		System.out.println();
		System.out.println("| assignments (open) | idle sweep p50 | idle sweep p95 | flag 10,000 breaches |");
		System.out.println("|---|---|---|---|");
		System.out.printf("| %,d (%,d) | %.2f ms | %.2f ms | – |%n", OPEN, OPEN, small[0], small[1]);
		System.out.printf("| %,d (%,d) | %.2f ms | %.2f ms | %.0f ms |%n", large, OPEN, big[0], big[1], big[2]);
		System.out.printf("idle at %,d / idle at %,d: %.2f× (goal ≤ 1.5×); idle goal < 5 ms; breach goal < 2,000 ms%n",
				large, OPEN, big[0] / small[0]);
		System.exit(0);
	}

	/**
	 * @return p50 and p95 of the idle sweep in ms, and the time of the breach sweep (or
	 * 0)
	 */
	private static double[] run(String database, int total, boolean breach, String[] extra) {
		TestDatabase db = TestDatabase.get();
		List<String> appArgs = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=" + db.jdbcUrl(database), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--ugd.demo.enabled=true", "--ugd.demo.cases=false",
				"--ugd.sla.sweep-enabled=false", "--ugd.dashboard.rollup-enabled=false", "--logging.level.root=WARN"));
		appArgs.addAll(List.of(extra));
		try (ConfigurableApplicationContext app = SpringApplication.run(UgdApplication.class,
				appArgs.toArray(String[]::new))) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			SlaSweeper sweeper = app.getBean(SlaSweeper.class);
			Instant now = Instant.now();
			long started = System.nanoTime();
			seed(jdbc, total, now);
			System.out.printf("%s: seeded %,d assignments (%,d open) in %.1f s%n", database, total, OPEN,
					(System.nanoTime() - started) / 1e9);
			for (int i = 0; i < 50; i++) {
				sweeper.sweep();
			}
			double[] idle = new double[IDLE_RUNS];
			for (int i = 0; i < IDLE_RUNS; i++) {
				long t = System.nanoTime();
				SlaSweeper.Sweep sweep = sweeper.sweep();
				idle[i] = (System.nanoTime() - t) / 1e6;
				if (sweep.atRisk() + sweep.breached() + sweep.escalated() != 0) {
					throw new IllegalStateException("an idle sweep flagged something: " + sweep);
				}
			}
			Arrays.sort(idle);
			double breachMillis = 0;
			if (breach) {
				jdbc.sql("""
						UPDATE assignment SET due_at = :due, at_risk_from = :atRisk, at_risk_at = :atRisk,
						    at_risk_detected_at = :atRisk, assigned_at = :assigned
						WHERE status = 'MENUNGGU_RESPON'""")
					.param("due", Timestamp.from(now.minus(Duration.ofMinutes(1))))
					.param("atRisk", Timestamp.from(now.minus(Duration.ofMinutes(61))))
					.param("assigned", Timestamp.from(now.minus(Duration.ofHours(4).plusMinutes(1))))
					.update();
				jdbc.sql("VACUUM ANALYZE assignment").update();
				if (System.getProperty("bench.batches") != null) {
					id.ugdkemiskinan.cases.sweep.SlaRecords records = app
						.getBean(id.ugdkemiskinan.cases.sweep.SlaRecords.class);
					for (int i = 0; i < 3; i++) {
						long b = System.nanoTime();
						int n = records.flagBreached(Instant.now(),
								app.getBean(id.ugdkemiskinan.sla.EscalationChain.class).active(), 500);
						System.out.printf("batch %d: %d in %.1f ms%n", i, n, (System.nanoTime() - b) / 1e6);
					}
				}
				long t = System.nanoTime();
				SlaSweeper.Sweep sweep = sweeper.sweep();
				breachMillis = (System.nanoTime() - t) / 1e6;
				System.out.printf("breach sweep: %s in %.0f ms%n", sweep, breachMillis);
			}
			return new double[] { idle[IDLE_RUNS / 2], idle[IDLE_RUNS * 95 / 100], breachMillis };
		}
	}

	/**
	 * {@code total} cases with one assignment each; the last {@link #OPEN} are waiting,
	 * not yet due.
	 */
	static void seed(JdbcClient jdbc, int total, Instant now) {
		long operator = jdbc.sql("SELECT id FROM app_user WHERE username = 'upt.muncar'").query(Long.class).single();
		int chunk = 200_000;
		for (int from = 1; from <= total; from += chunk) {
			int to = Math.min(total, from + chunk - 1);
			jdbc.sql(
					"""
							WITH cases AS (
							    INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
							        beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by, closed_at)
							    SELECT 'UGD-90-' || lpad(g::text, 9, '0'), 'ABCDEF',
							        CASE WHEN g > :closed THEN 'TERBUKA' ELSE 'DITUTUP' END, 'NORMAL', '35.10.05', '35.10.05.2001',
							        'Alamat', 'Warga ' || g, 'Benchmark', 'LANGSUNG', 'Benchmark penyapu', CAST(:filed AS timestamptz) - g * interval '1 minute',
							        :operator, CASE WHEN g > :closed THEN NULL ELSE CAST(:filed AS timestamptz) END
							    FROM generate_series(:from, :to) g
							    RETURNING id, status, filed_at)
							, assignments AS (
							INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at, closed_at)
							SELECT id, 'DINKES', CASE WHEN status = 'TERBUKA' THEN 'MENUNGGU_RESPON' ELSE 'SELESAI' END,
							    CASE WHEN status = 'TERBUKA' THEN CAST(:now AS timestamptz) ELSE filed_at END,
							    CASE WHEN status = 'TERBUKA' THEN CAST(:now AS timestamptz) + interval '4 hours' ELSE filed_at + interval '4 hours' END,
							    CASE WHEN status = 'TERBUKA' THEN CAST(:now AS timestamptz) + interval '3 hours' ELSE filed_at + interval '3 hours' END,
							    CASE WHEN status = 'TERBUKA' THEN NULL ELSE filed_at + interval '1 hour' END,
							    CASE WHEN status = 'TERBUKA' THEN NULL ELSE filed_at + interval '2 hours' END
							FROM cases
							RETURNING id, case_id, assigned_at)
							INSERT INTO case_event (case_id, assignment_id, type, dinas_code, occurred_at, actor_name)
							SELECT case_id, id, 'ROUTED', 'DINKES', assigned_at, 'Benchmark' FROM assignments""")
				.param("closed", total - OPEN)
				.param("filed", Timestamp.from(now))
				.param("now", Timestamp.from(now))
				.param("operator", operator)
				.param("from", from)
				.param("to", to)
				.update();
		}
		jdbc.sql("VACUUM ANALYZE").update();
	}

}
