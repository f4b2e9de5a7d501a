package id.ugdkemiskinan.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
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
import id.ugdkemiskinan.support.TestDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test) of the case search at 1,000,000 cases (seeded by
 * {@code bench/sql/seed.sql} with varied names, NIKs, KKs and phones): a fragment of a
 * surname (about 125 matches each), a common given name (about 25,000), a rare name (10),
 * a two-word name, 8 digits of a NIK, the last 4 digits of a NIK (thousands of matches
 * among NIKs, KKs and phones), and a ticket number without its prefix, each as the
 * secretariat's case list runs it ({@code CaseQueries.list}: rows and capped count, over
 * JDBC) and as the page ({@code /kasus?q=}, logged in), interleaved round by round with
 * the baseline, the same list without a search. Each round searches for a different
 * value. Then the dinas history of DINKES (a fifth of the assignments): unfiltered, deep,
 * by status and searched. Prints p50/p95 and writes the EXPLAIN (ANALYZE, BUFFERS) of
 * each kind's statements to {@code target/search-explain.txt}. Run it with
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=id.ugdkemiskinan.bench.SearchBenchmark</pre>
 * Optional argument: the number of cases (default 1000000); {@code -Dbench.runs},
 * {@code -Dbench.warmup} (100 and 20).
 */
public final class SearchBenchmark {

	private static final int RUNS = Integer.getInteger("bench.runs", 100);

	private static final int WARMUP = Integer.getInteger("bench.warmup", 20);

	/** The seed's syllables (bench/sql/seed.sql), to make up surnames that exist. */
	private static final String[] FIRST = { "kar", "su", "wi", "har", "to", "mo", "ja", "di", "ra", "ni", "sa", "ti",
			"pur", "wan", "ta", "yo", "sen", "dar", "mi", "ko" };

	private static final String[] LAST = { "no", "yah", "ni", "to", "di", "mi", "ah", "wati", "jo", "man", "sih", "tun",
			"rah", "yem", "ri", "un", "em", "in", "at", "ono" };

	private static final String[] GIVEN = { "Siti", "Sri", "Dewi", "Ahmad", "Muhammad", "Budi", "Slamet", "Sumarni",
			"Suparmi", "Sutrisno", "Rina", "Yuli", "Agus", "Bambang", "Eko", "Wahyu", "Nur", "Tri", "Endang", "Sumiati",
			"Kasiyah", "Paini", "Misnah", "Joko", "Hadi", "Rudi", "Yanti", "Ratna", "Lilik", "Anik", "Sugeng", "Supri",
			"Imam", "Fitri", "Indah", "Sulastri", "Ponirah", "Karsih", "Darmo", "Ngatemi" };

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		TestDatabase db = TestDatabase.get();
		String database = "bench_search_" + System.currentTimeMillis() % 100000;
		try (ConfigurableApplicationContext app = SpringApplication.run(
				new Class<?>[] { UgdApplication.class, StatementCapture.class },
				new String[] { "--server.port=0", "--spring.datasource.url=" + db.jdbcUrl(database),
						"--spring.datasource.username=" + db.username(),
						"--spring.datasource.password=" + db.password(), "--ugd.demo.enabled=true",
						"--ugd.demo.cases=false", "--ugd.sla.sweep-enabled=false",
						"--ugd.dashboard.rollup-enabled=false", "--logging.level.root=WARN" })) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			long started = System.nanoTime();
			seed(jdbc, total);
			System.out.printf("seeded %,d cases in %.1f s (VACUUM ANALYZE included)%n", total,
					(System.nanoTime() - started) / 1e9);
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			BenchSupport.login(http, port, "sekretariat");
			long secretariat = jdbc.sql("SELECT id FROM app_user WHERE username = 'sekretariat'")
				.query(Long.class)
				.single();
			Lister lister = new Lister(app, secretariat);

			Random random = new Random(42);
			Map<String, Supplier<String>> kinds = new LinkedHashMap<>();
			kinds.put("surname fragment (5 letters, ~125 matches)", () -> surname(random).substring(1, 6));
			kinds.put("whole surname, lower case (~125)", () -> surname(random).toLowerCase());
			kinds.put("given name (~25,000)", () -> GIVEN[random.nextInt(GIVEN.length)]);
			kinds.put("rare name \"Sainten\" (10)", () -> random.nextBoolean() ? "Sainten" : "sAINTÉN");
			kinds.put("two words: given name + surname fragment",
					() -> GIVEN[random.nextInt(GIVEN.length)] + " " + surname(random).substring(0, 4));
			kinds.put("8 digits of a NIK", () -> nik(1 + random.nextInt(total)).substring(6, 14));
			kinds.put("NIK typed with spaces", () -> nik(1 + random.nextInt(total)).replaceAll("(.{4})(?!$)", "$1 "));
			kinds.put("last 4 digits of a NIK (thousands)", () -> nik(1 + random.nextInt(total)).substring(12));
			kinds.put("ticket number without prefix", () -> String.format("%09d", 1 + random.nextInt(total)));
			kinds.put("one letter (word start)", () -> String.valueOf((char) ('a' + random.nextInt(26))));

			StringBuilder explain = new StringBuilder();
			// Besides one random value of each kind, the digits every seeded NIK starts
			// with.
			kinds.put("4 digits in every NIK (\"3510\")", () -> "3510");
			DataSource dataSource = app.getBean(DataSource.class);
			for (Map.Entry<String, Supplier<String>> kind : kinds.entrySet()) {
				String q = kind.getValue().get();
				List<String> statements = StatementCapture.capture(() -> lister.list(q));
				explain.append("### ").append(kind.getKey()).append(": q=").append(q).append("\n\n");
				for (String sql : statements) {
					if (sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6)
							|| sql.stripLeading().regionMatches(true, 0, "WITH", 0, 4)) {
						explain.append(BenchSupport.explain(dataSource, sql)).append("\n");
					}
				}
			}
			Path written = Path.of("target", "search-explain.txt");
			Files.createDirectories(written.getParent());
			Files.writeString(written, explain);

			System.out.println();
			System.out.printf("%,d cases; %d timed rounds after %d warm-up rounds; each round a new value%n", total,
					RUNS, WARMUP);
			System.out.println(
					"| search (secretariat, all cases) | list SQL over JDBC p50 / p95 | baseline list SQL p50 / p95 "
							+ "| page /kasus?q= p50 / p95 | baseline page p50 / p95 | rows found (one value) | slowest value over SQL |");
			System.out.println("|---|---|---|---|---|---|---|");
			for (Map.Entry<String, Supplier<String>> kind : kinds.entrySet()) {
				String[] value = new String[1];
				String[] slowest = { null };
				double[] slowestTime = { 0 };
				Map<String, Supplier<Double>> calls = new LinkedHashMap<>();
				calls.put("sql", () -> {
					value[0] = kind.getValue().get();
					double taken = BenchSupport.millis(() -> lister.list(value[0]));
					if (taken > slowestTime[0]) {
						slowestTime[0] = taken;
						slowest[0] = value[0];
					}
					return taken;
				});
				calls.put("baseSql", () -> BenchSupport.millis(() -> lister.list(null)));
				calls.put("page", () -> BenchSupport
					.millis(() -> BenchSupport.check(BenchSupport.get(http, port, "/kasus?q=" + encode(value[0])))));
				calls.put("basePage",
						() -> BenchSupport.millis(() -> BenchSupport.check(BenchSupport.get(http, port, "/kasus"))));
				Map<String, double[]> times = rounds(calls);
				long found = lister.counted(kind.getValue().get());
				System.out.printf(
						"| %s | %.1f / %.1f ms | %.1f / %.1f ms | %.1f / %.1f ms | %.1f / %.1f ms | %s | %s (%.0f ms) |%n",
						kind.getKey(), times.get("sql")[0], times.get("sql")[1], times.get("baseSql")[0],
						times.get("baseSql")[1], times.get("page")[0], times.get("page")[1], times.get("basePage")[0],
						times.get("basePage")[1], found > 10_000 ? "> 10,000" : String.format("%,d", found), slowest[0],
						slowestTime[0]);
			}
			System.out.println();
			System.out.println(
					"| the dinas history (/antrian/riwayat) of DINKES, ~200,000 assignments | SQL over JDBC p50 / p95 |");
			System.out.println("|---|---|");
			History history = new History(app);
			Map<String, Supplier<Double>> historyCalls = new LinkedHashMap<>();
			historyCalls.put("all, first page", () -> BenchSupport.millis(() -> history.list(null, null, 0)));
			historyCalls.put("all, page 200", () -> BenchSupport.millis(() -> history.list(null, null, 200)));
			historyCalls.put("waiting for a response (1 in 50)",
					() -> BenchSupport.millis(() -> history.list("MENUNGGU_RESPON", null, 0)));
			historyCalls.put("surname fragment",
					() -> BenchSupport.millis(() -> history.list(null, surname(random).substring(1, 6), 0)));
			historyCalls.put("given name",
					() -> BenchSupport.millis(() -> history.list(null, GIVEN[random.nextInt(GIVEN.length)], 0)));
			historyCalls.put("8 digits of a NIK", () -> BenchSupport
				.millis(() -> history.list(null, nik(1 + random.nextInt(total)).substring(6, 14), 0)));
			rounds(historyCalls).forEach((name, p) -> System.out.printf("| %s | %.1f / %.1f ms |%n", name, p[0], p[1]));
			System.out.println();
			System.out.println("goal: p95 < 100 ms for a name fragment over SQL");
			System.out.println("EXPLAIN (ANALYZE, BUFFERS) of each kind's statements: " + written);
		}
		System.exit(0);
	}

	/**
	 * Calls {@code CaseQueries.list} as the case list page does for the secretariat,
	 * first page.
	 */
	private static final class Lister {

		private final Object queries;

		private final Method list;

		private final Constructor<?> filter;

		private final Object scope;

		Lister(ConfigurableApplicationContext app, long secretariat) throws ReflectiveOperationException {
			Class<?> queriesType = Class.forName("id.ugdkemiskinan.cases.query.CaseQueries");
			Class<?> filterType = Class.forName("id.ugdkemiskinan.cases.query.CaseFilter");
			Class<?> scopeType = Class.forName("id.ugdkemiskinan.cases.query.CaseScope");
			this.queries = app.getBean(queriesType);
			this.list = queriesType.getDeclaredMethod("list", filterType, scopeType, int.class, int.class);
			this.list.setAccessible(true);
			this.filter = filterType.getDeclaredConstructors()[0];
			this.filter.setAccessible(true);
			Constructor<?> scopeConstructor = scopeType.getDeclaredConstructors()[0];
			scopeConstructor.setAccessible(true);
			Class<?> role = Class.forName("id.ugdkemiskinan.users.Role");
			this.scope = scopeConstructor.newInstance(
					role.getMethod("valueOf", String.class).invoke(null, "SEKRETARIAT"), secretariat, null, null);
		}

		Object list(String q) {
			try {
				Object f = this.filter.newInstance(null, null, null, null, null, null, null, false, null, q);
				return this.list.invoke(this.queries, f, this.scope, 0, 25);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

		long counted(String q) {
			try {
				Object page = list(q);
				Method counted = page.getClass().getDeclaredMethod("counted");
				counted.setAccessible(true);
				return (long) counted.invoke(page);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** Calls {@code CaseQueries.history} as the dinas history page does for DINKES. */
	private static final class History {

		private final Object queries;

		private final Method history;

		private final Constructor<?> filter;

		private final Class<?> status;

		History(ConfigurableApplicationContext app) throws ReflectiveOperationException {
			Class<?> queriesType = Class.forName("id.ugdkemiskinan.cases.query.CaseQueries");
			Class<?> filterType = Class.forName("id.ugdkemiskinan.cases.query.HistoryFilter");
			this.status = Class.forName("id.ugdkemiskinan.cases.domain.AssignmentStatus");
			this.queries = app.getBean(queriesType);
			this.history = queriesType.getDeclaredMethod("history", String.class, filterType, int.class, int.class);
			this.history.setAccessible(true);
			this.filter = filterType.getDeclaredConstructors()[0];
			this.filter.setAccessible(true);
		}

		Object list(String status, String q, int page) {
			try {
				Object s = status == null ? null : this.status.getMethod("valueOf", String.class).invoke(null, status);
				return this.history.invoke(this.queries, "DINKES", this.filter.newInstance(s, null, q), page, 25);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private static String surname(Random random) {
		String name = FIRST[random.nextInt(20)] + FIRST[random.nextInt(20)] + LAST[random.nextInt(20)];
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/**
	 * The NIK the seed gives case {@code g} (when {@code g % 4 != 0}; otherwise it has
	 * none).
	 */
	private static String nik(int g) {
		if (g % 4 == 0) {
			g++;
		}
		return "3510" + String.format("%02d%02d%02d%02d%04d", 1 + g % 25, 1 + g % 28 + (g % 2 == 0 ? 40 : 0),
				1 + (g / 28) % 12, (g / 336) % 100, g % 10000);
	}

	private static Map<String, double[]> rounds(Map<String, Supplier<Double>> calls) {
		return BenchSupport.rounds(calls, WARMUP, RUNS);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * {@code total} cases as the other benchmarks and bench/run seed them
	 * ({@code bench/sql/seed.sql}), in chunks.
	 */
	private static void seed(JdbcClient jdbc, int total) throws java.io.IOException {
		String statement = Files.readString(Path.of("bench/sql/seed.sql"));
		int chunk = 200_000;
		for (int from = 1; from <= total; from += chunk) {
			jdbc.sql(statement)
				.param("total", total)
				.param("from", from)
				.param("to", Math.min(total, from + chunk - 1))
				.update();
		}
		jdbc.sql("VACUUM ANALYZE").update();
	}

}
