package id.ugdkemiskinan.bench;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import javax.sql.DataSource;

import id.ugdkemiskinan.UgdApplication;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.residents.eligible.EligibleQueries;
import id.ugdkemiskinan.residents.query.RegistrySearch;
import id.ugdkemiskinan.residents.intake.IntakePanel;
import id.ugdkemiskinan.residents.registry.RegistryScope;
import id.ugdkemiskinan.support.TestDatabase;
import id.ugdkemiskinan.users.Role;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test) of the registry at Banyuwangi's size (issue 18): 550,000
 * households, 1,700,000 persons and 3,000,000 rows of aid
 * ({@code bench/sql/registry-seed.sql}). It times, interleaved round by round with a
 * baseline of the same run, the intake look-up by NIK as the filing form's panel runs it
 * over SQL ({@code IntakePanel.lookUp}: person, household, members, cases, aid, the
 * never-helped check) against a look-up of one person by primary key, and the panel end
 * to end ({@code GET /kasus/baru/warga?nik=}, logged in as Muncar's operator, for
 * residents of Muncar) against the same page without a NIK (the controller, no query).
 * Prints p50/p95 and writes the EXPLAIN (ANALYZE, BUFFERS) of the look-up's statements to
 * {@code target/registry-explain.txt}. Run it with
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=id.ugdkemiskinan.bench.RegistryBenchmark</pre>
 * Optional arguments: households, persons, aid rows (default 550000 1700000 3000000);
 * {@code -Dbench.runs}, {@code -Dbench.warmup} (200 and 40).
 */
public final class RegistryBenchmark {

	private static final int RUNS = Integer.getInteger("bench.runs", 200);

	private static final int WARMUP = Integer.getInteger("bench.warmup", 40);

	private RegistryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int households = args.length > 0 ? Integer.parseInt(args[0]) : 550_000;
		int persons = args.length > 1 ? Integer.parseInt(args[1]) : 1_700_000;
		int aid = args.length > 2 ? Integer.parseInt(args[2]) : 3_000_000;
		TestDatabase db = TestDatabase.get();
		String database = "bench_registry_" + System.currentTimeMillis() % 100000;
		try (ConfigurableApplicationContext app = SpringApplication.run(
				new Class<?>[] { UgdApplication.class, StatementCapture.class },
				new String[] { "--server.port=0", "--spring.datasource.url=" + db.jdbcUrl(database),
						"--spring.datasource.username=" + db.username(),
						"--spring.datasource.password=" + db.password(), "--ugd.demo.enabled=true",
						"--ugd.demo.cases=false", "--ugd.sla.sweep-enabled=false",
						"--ugd.dashboard.rollup-enabled=false", "--logging.level.root=WARN" })) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			long started = System.nanoTime();
			seed(jdbc, households, persons, aid);
			double seeded = (System.nanoTime() - started) / 1e9;
			System.out.printf("seeded %,d households, %,d persons, %,d aid rows in %.1f s (indexes and VACUUM "
					+ "ANALYZE included)%n", households, persons, aid, seeded);
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			BenchSupport.login(http, port, "upt.muncar");
			long operator = jdbc.sql("SELECT id FROM app_user WHERE username = 'upt.muncar'")
				.query(Long.class)
				.single();
			RegistryScope muncar = new RegistryScope(Role.OPERATOR_UPT, operator, "35.10.05", null);
			List<String> muncarNiks = jdbc.sql("""
					SELECT nik FROM person WHERE kecamatan_code = '35.10.05' AND id % 97 = 0 ORDER BY id LIMIT 2000""")
				.query(String.class)
				.list();
			IntakePanel panel = app.getBean(IntakePanel.class);
			Random random = new Random(42);
			Supplier<String> anyNik = () -> muncarNiks.get(random.nextInt(muncarNiks.size()));

			StringBuilder explain = new StringBuilder();
			DataSource dataSource = app.getBean(DataSource.class);
			String sample = anyNik.get();
			explain.append("### intake look-up by NIK: ").append(sample).append("\n\n");
			for (String sql : StatementCapture.capture(() -> panel.lookUp(sample, null, muncar))) {
				if (sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6)) {
					explain.append(BenchSupport.explain(dataSource, sql)).append('\n');
				}
			}
			Path written = Path.of("target", "registry-explain.txt");
			Files.createDirectories(written.getParent());
			Files.writeString(written, explain);

			Map<String, Supplier<Double>> calls = new LinkedHashMap<>();
			calls.put("look-up by NIK (IntakePanel.lookUp, SQL)",
					() -> BenchSupport.millis(() -> panel.lookUp(anyNik.get(), null, muncar)));
			calls.put("baseline: one person by primary key (SQL)",
					() -> BenchSupport.millis(() -> jdbc.sql("SELECT name FROM person WHERE id = :id")
						.param("id", 1 + random.nextInt(persons))
						.query(String.class)
						.single()));
			calls.put("panel GET /kasus/baru/warga?nik= (HTTP)", () -> BenchSupport.millis(
					() -> BenchSupport.check(BenchSupport.get(http, port, "/kasus/baru/warga?nik=" + anyNik.get()))));
			calls.put("baseline: GET /kasus/baru/warga without NIK (HTTP)", () -> BenchSupport
				.millis(() -> BenchSupport.check(BenchSupport.get(http, port, "/kasus/baru/warga"))));
			Map<String, double[]> results = rounds(calls);

			// The search (RegistrySearch.search, as /warga?q= runs it) by the secretariat
			// and
			// Muncar's operator, and the eligible list of one kecamatan.
			long secretariatId = jdbc.sql("SELECT id FROM app_user WHERE username = 'sekretariat'")
				.query(Long.class)
				.single();
			RegistryScope secretariat = new RegistryScope(Role.SEKRETARIAT, secretariatId, null, null);
			RegistrySearch search = app.getBean(RegistrySearch.class);
			EligibleQueries eligible = app.getBean(EligibleQueries.class);
			String[] syllables = { "kar", "su", "wi", "har", "to", "mo", "ja", "di", "ra", "ni", "sa", "ti", "pur",
					"wan", "ta", "yo", "sen", "dar", "mi", "ko" };
			String[] endings = { "no", "yah", "ni", "to", "di", "mi", "ah", "wati", "jo", "man", "sih", "tun", "rah",
					"yem", "ri", "un", "em", "in", "at", "ono" };
			Supplier<String> surname = () -> (syllables[random.nextInt(20)] + syllables[random.nextInt(20)]
					+ endings[random.nextInt(20)]);
			Map<String, Supplier<String>> kinds = new LinkedHashMap<>();
			kinds.put("surname fragment (5 letters)", () -> surname.get().substring(1, 6));
			kinds.put("given name + surname fragment", () -> "Siti " + surname.get().substring(0, 4));
			kinds.put("given name alone (~42,000)", () -> "Sumiati");
			kinds.put("rare name (Sainten, 17)", () -> "Sainten");
			kinds.put("6 digits of a NIK", () -> anyNik.get().substring(6, 12));
			kinds.put("whole NIK", anyNik);
			kinds.put("address fragment", () -> "krajan rt " + (1 + random.nextInt(12)) + " rw");
			Map<String, Supplier<Double>> searches = new LinkedHashMap<>();
			for (Map.Entry<String, Supplier<String>> kind : kinds.entrySet()) {
				searches.put("search, secretariat: " + kind.getKey(), () -> BenchSupport
					.millis(() -> search.search(secretariat, kind.getValue().get(), new Paging(0, 25))));
				searches.put("search, Muncar's operator: " + kind.getKey(), () -> BenchSupport
					.millis(() -> search.search(muncar, kind.getValue().get(), new Paging(0, 25))));
			}
			searches.put("search page GET /warga?q= (HTTP, operator, surname fragment)",
					() -> BenchSupport.millis(() -> BenchSupport.check(BenchSupport.get(http, port,
							"/warga?q=" + URLEncoder.encode(surname.get().substring(1, 6), StandardCharsets.UTF_8)))));
			searches.put("baseline: GET /warga without q (HTTP)",
					() -> BenchSupport.millis(() -> BenchSupport.check(BenchSupport.get(http, port, "/warga"))));
			searches.put("eligible list of Muncar, first page + per-desa summary (SQL)",
					() -> BenchSupport.millis(() -> {
						EligibleQueries.Criteria criteria = eligible.criteria("35.10.05", null);
						eligible.page(muncar, criteria, 0, 25);
						eligible.desaSummary(muncar, criteria);
					}));
			searches.put("eligible list GET /registri/layak?kecamatan=35.10.05 (HTTP, operator)", () -> BenchSupport
				.millis(() -> BenchSupport.check(BenchSupport.get(http, port, "/registri/layak?kecamatan=35.10.05"))));
			int runs = Math.max(20, RUNS / 5);
			Map<String, double[]> searched = BenchSupport.rounds(searches, Math.max(5, WARMUP / 5), runs);
			long muncarEligible = eligible.desaSummary(muncar, eligible.criteria("35.10.05", null))
				.stream()
				.mapToLong(EligibleQueries.DesaCount::eligible)
				.sum();

			System.out.println();
			System.out.printf("%,d households, %,d persons, %,d aid rows; %d timed rounds after %d warm-up rounds; "
					+ "each round another resident of Muncar%n", households, persons, aid, RUNS, WARMUP);
			System.out.println("| measured | p50 ms | p95 ms | goal |");
			System.out.println("|---|---|---|---|");
			Map<String, String> goals = Map.of("look-up by NIK (IntakePanel.lookUp, SQL)", "p95 < 20 ms",
					"panel GET /kasus/baru/warga?nik= (HTTP)", "p95 < 150 ms");
			results.forEach((name, p) -> System.out.printf("| %s | %.2f | %.2f | %s |%n", name, p[0], p[1],
					goals.getOrDefault(name, "–")));
			System.out.println();
			System.out.printf("search and eligible list: %d timed rounds; Muncar has %,d eligible households%n", runs,
					muncarEligible);
			System.out.println("| measured | p50 ms | p95 ms | goal |");
			System.out.println("|---|---|---|---|");
			searched.forEach((name, p) -> System.out.printf("| %s | %.2f | %.2f | %s |%n", name, p[0], p[1],
					name.startsWith("search") && !name.startsWith("search page") ? "p95 < 150 ms"
							: name.startsWith("eligible") ? "< 1 s" : "–"));
			double[] lookUp = results.get("look-up by NIK (IntakePanel.lookUp, SQL)");
			double[] base = results.get("baseline: one person by primary key (SQL)");
			double[] page = results.get("panel GET /kasus/baru/warga?nik= (HTTP)");
			double[] pageBase = results.get("baseline: GET /kasus/baru/warga without NIK (HTTP)");
			System.out.printf("ratio look-up / baseline (p95): %.1f×; panel / page baseline (p95): %.1f×%n",
					lookUp[1] / base[1], page[1] / pageBase[1]);
			System.out.printf("look-up by NIK p95 %.2f ms: %s; panel p95 %.2f ms: %s%n", lookUp[1],
					lookUp[1] < 20 ? "met" : "MISSED", page[1], page[1] < 150 ? "met" : "MISSED");
		}
	}

	/**
	 * The seed in its three parts, persons and aid in chunks; the big indexes built
	 * after.
	 */
	private static void seed(JdbcClient jdbc, int households, int persons, int aid) throws java.io.IOException {
		String script = Files.readString(Path.of("bench/sql/registry-seed.sql"));
		String householdsSql = between(script, "-- households", "-- persons");
		String personsSql = between(script, "-- persons", "-- aid");
		String aidSql = script.substring(script.indexOf("-- aid"));
		for (String source : new String[] { "PKH", "BPNT", "PBI_JKN", "KIP", "RTLH", "BLT_DD", "CSR_BAZNAS" }) {
			jdbc.sql("""
					INSERT INTO registry_import (source_code, filename, content_sha256, status, total_bytes,
					                             started_by, started_at, finished_at)
					SELECT :source, 'bench.csv', repeat('b', 64), 'SELESAI', 0, id, now(), now() FROM app_user
					WHERE username = 'sekretariat'""").param("source", source).update();
		}
		// The trigram indexes are built once after the rows, as a bulk load would.
		List<String> indexes = jdbc.sql("""
				SELECT indexdef FROM pg_indexes
				WHERE tablename IN ('person', 'household', 'intervention_received') AND indexname NOT LIKE '%pkey'
				  AND indexdef NOT LIKE '%UNIQUE%'""").query(String.class).list();
		for (String index : indexes) {
			jdbc.sql("DROP INDEX " + index.replaceFirst("(?s)CREATE INDEX (\\S+) ON.*", "$1")).update();
		}
		jdbc.sql(householdsSql).param("households", households).update();
		int chunk = 200_000;
		for (int from = 1; from <= persons; from += chunk) {
			jdbc.sql(personsSql)
				.param("households", households)
				.param("from", from)
				.param("to", Math.min(persons, from + chunk - 1))
				.update();
		}
		for (int from = 1; from <= aid; from += chunk) {
			jdbc.sql(aidSql)
				.param("households", households)
				.param("from", from)
				.param("to", Math.min(aid, from + chunk - 1))
				.update();
		}
		jdbc.sql("""
				INSERT INTO desil_record (household_id, desil, source, as_of, recorded_at)
				SELECT id, desil, desil_source, desil_as_of, now() FROM household WHERE desil IS NOT NULL""").update();
		for (String index : indexes) {
			jdbc.sql(index).update();
		}
		jdbc.sql("""
				UPDATE household h SET last_helped_on = r.last
				FROM (SELECT household_id, max(received_on) AS last FROM intervention_received GROUP BY household_id) r
				WHERE r.household_id = h.id""").update();
		for (String table : new String[] { "household", "person", "intervention_received" }) {
			jdbc.sql(
					"SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM " + table + "))")
				.query(Long.class)
				.single();
		}
		jdbc.sql("VACUUM ANALYZE").update();
	}

	private static String between(String script, String from, String to) {
		return script.substring(script.indexOf(from), script.indexOf(to));
	}

	private static Map<String, double[]> rounds(Map<String, Supplier<Double>> calls) {
		return BenchSupport.rounds(calls, WARMUP, RUNS);
	}

}
