package id.ugdkemiskinan.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.ugdkemiskinan.UgdApplication;
import id.ugdkemiskinan.support.TestDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test) of the SLA dashboard at 1,000,000 cases (with their assignments
 * and events): the page (logged-in session) and the API (HTTP Basic) for a 30-day and a
 * 365-day period (and 365 days filtered by one dinas, which the roll-up does not cover),
 * beside the same SQL statements run straight over JDBC, after the monthly roll-up has
 * been built. Run it with
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=id.ugdkemiskinan.bench.DashboardBenchmark</pre>
 * Optional argument: the number of cases (default 1000000).
 */
public final class DashboardBenchmark {

	private static final int RUNS = Integer.getInteger("bench.runs", 50);

	/**
	 * Calls before timing each series, so the JIT has compiled the page, API and SQL
	 * paths.
	 */
	private static final int WARMUP = Integer.getInteger("bench.warmup", 20);

	private DashboardBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		TestDatabase db = TestDatabase.get();
		String database = "bench_dashboard_" + System.currentTimeMillis() % 100000;
		try (ConfigurableApplicationContext app = SpringApplication
			.run(new Class<?>[] { UgdApplication.class, StatementCapture.class }, new String[] { "--server.port=0",
					"--spring.datasource.url=" + db.jdbcUrl(database), "--spring.datasource.username=" + db.username(),
					"--spring.datasource.password=" + db.password(), "--ugd.demo.enabled=true",
					"--ugd.demo.cases=false", "--ugd.sla.sweep-enabled=false", "--ugd.dashboard.rollup-enabled=false",
					"--ugd.dashboard.rollup-grace=PT0S", "--logging.level.root=WARN" })) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			long started = System.nanoTime();
			seed(jdbc, total);
			System.out.printf("seeded %,d cases in %.1f s%n", total, (System.nanoTime() - started) / 1e9);
			Object rollups = app.getBean(Class.forName("id.ugdkemiskinan.dashboard.DashboardRollups"));
			var refresh = rollups.getClass().getDeclaredMethod("refresh");
			refresh.setAccessible(true);
			started = System.nanoTime();
			Object months = refresh.invoke(rollups);
			System.out.printf("rolled up %s days and months in %.1f s%n", months, (System.nanoTime() - started) / 1e9);
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			login(http, port, "pimpinan");
			Object queries = app.getBean(Class.forName("id.ugdkemiskinan.dashboard.DashboardQueries"));
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
			System.out.println();
			System.out.println(
					"| period | page p50 / p95 | API p50 / p95 (HTTP Basic) | DashboardQueries over JDBC p50 / p95 "
							+ "| the page's SELECTs in psql p50 / p95 | page p95 ÷ psql p95 |");
			System.out.println("|---|---|---|---|---|---|");
			for (String period : new String[] { "30", "365", "365 DINKES" }) {
				int days = Integer.parseInt(period.split(" ")[0]);
				String dinas = period.contains(" ") ? period.split(" ")[1] : null;
				String from = today.minusDays(days - 1).toString();
				String to = today.toString();
				String query = "from=" + from + "&to=" + to + (dinas == null ? "" : "&dinas=" + dinas);
				List<String> statements = StatementCapture
					.capture(() -> check(get(http, port, "/dasbor?" + query, null)));
				Path written = Path.of("target", "dashboard-statements-" + period.replace(' ', '-') + ".sql");
				Files.writeString(written, String.join(";\n\n", statements) + ";\n");
				Path script = psqlScript(statements);
				// One call of each per round, so that a slower moment of the machine
				// falls on all four alike.
				Map<String, Supplier<Double>> calls = new LinkedHashMap<>();
				calls.put("page", () -> millis(() -> check(get(http, port, "/dasbor?" + query, null))));
				calls.put("api", () -> millis(() -> check(get(http, port, "/api/v1/dashboard?" + query,
						"Basic " + Base64.getEncoder().encodeToString("pimpinan:banyuwangi".getBytes())))));
				calls.put("jdbc", () -> millis(() -> {
					try {
						Object filter = Class.forName("id.ugdkemiskinan.dashboard.DashboardFilter").getConstructors()[0]
							.newInstance(LocalDate.parse(from), LocalDate.parse(to), null, dinas, null);
						for (String method : new String[] { "figures", "breachedNowByDinas", "breachBoard",
								"atRisk" }) {
							var m = queries.getClass().getDeclaredMethod(method, filter.getClass());
							m.setAccessible(true);
							m.invoke(queries, filter);
						}
					}
					catch (ReflectiveOperationException ex) {
						throw new IllegalStateException(ex);
					}
				}));
				calls.put("psql", () -> psql(db, database, script));
				Map<String, double[]> times = rounds(calls);
				Files.delete(script);
				double[] page = times.get("page");
				double[] api = times.get("api");
				double[] sql = times.get("jdbc");
				double[] psql = times.get("psql");
				String label = days + " days" + (dinas == null ? "" : ", " + dinas);
				System.out.printf(
						"| %s | %.0f / %.0f ms | %.0f / %.0f ms | %.0f / %.0f ms | %.0f / %.0f ms (%d statements) | %.2f× |%n",
						label, page[0], page[1], api[0], api[1], sql[0], sql[1], psql[0], psql[1], statements.size(),
						page[1] / psql[1]);
			}
			var encoder = app.getBean(org.springframework.security.crypto.password.PasswordEncoder.class);
			String hash = encoder.encode("banyuwangi");
			double[] check = rounds(Map.of("check", () -> millis(() -> encoder.matches("banyuwangi", hash))))
				.get("check");
			System.out.printf(
					"one password check (%s; the stateless API makes one per call): p50 %.0f ms, p95 %.0f ms%n",
					hash.substring(0, hash.indexOf('}') + 1), check[0], check[1]);
			System.out.println("goal: page and API p95 < 300 ms, within 2× of the same SQL in psql");
			System.out.println("the statements of one page view: target/dashboard-statements-*.sql");
		}
		System.exit(0);
	}

	/**
	 * p50 and p95 of each call, {@code WARMUP} rounds after which {@code RUNS} rounds are
	 * timed.
	 */
	private static Map<String, double[]> rounds(Map<String, Supplier<Double>> calls) {
		Map<String, double[]> millis = new LinkedHashMap<>();
		calls.keySet().forEach(name -> millis.put(name, new double[RUNS]));
		for (int round = 0; round < WARMUP + RUNS; round++) {
			for (Map.Entry<String, Supplier<Double>> call : calls.entrySet()) {
				double taken = call.getValue().get();
				if (round >= WARMUP) {
					millis.get(call.getKey())[round - WARMUP] = taken;
				}
			}
		}
		Map<String, double[]> percentiles = new LinkedHashMap<>();
		millis.forEach((name, values) -> {
			Arrays.sort(values);
			percentiles.put(name, new double[] { values[RUNS / 2], values[RUNS * 95 / 100] });
		});
		return percentiles;
	}

	private static double millis(Runnable call) {
		long started = System.nanoTime();
		call.run();
		return (System.nanoTime() - started) / 1e6;
	}

	/**
	 * The page's reading statements (as captured, with their values) for {@code psql},
	 * run once untimed and once timed by {@code \timing}. The page's writes (the
	 * session's last access) are left out.
	 */
	private static Path psqlScript(List<String> statements) throws IOException {
		StringBuilder view = new StringBuilder();
		statements.stream()
			.filter(sql -> sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6)
					|| sql.stripLeading().regionMatches(true, 0, "WITH", 0, 4))
			.forEach(sql -> view.append(sql).append(";\n"));
		// The view twice, timing the second: a new psql connection first fills its
		// catalog caches, which the app's pooled connections did long ago.
		String script = view + "\\timing on\n" + view;
		Path file = Files.createTempFile("dashboard-statements", ".sql");
		Files.writeString(file, script);
		return file;
	}

	/**
	 * The script run once in {@code psql}: the sum of its statements' times as psql
	 * reports them.
	 */
	private static double psql(TestDatabase db, String database, Path script) {
		try {
			URI url = URI.create(db.jdbcUrl(database).substring("jdbc:".length()));
			ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-o", "/dev/null",
					"-h", url.getHost(), "-p", String.valueOf(url.getPort()), "-U", db.username(), "-d", database, "-f",
					script.toString())
				.redirectErrorStream(true);
			builder.environment().put("PGPASSWORD", db.password());
			Process process = builder.start();
			double total = 0;
			for (String line : new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
				.split("\n")) {
				if (line.startsWith("Time: ")) {
					total += Double.parseDouble(line.split(" ")[1]);
				}
				else if (!line.isBlank()) {
					throw new IllegalStateException("psql: " + line);
				}
			}
			if (process.waitFor() != 0) {
				throw new IllegalStateException("psql failed on " + script);
			}
			return total;
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void check(int status) {
		if (status != 200) {
			throw new IllegalStateException("HTTP " + status);
		}
	}

	private static int get(HttpClient http, int port, String path, String authorization) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void login(HttpClient http, int port, String user) throws Exception {
		String page = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		csrf.find();
		http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=banyuwangi&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	/**
	 * {@code total} cases over the last 400 days, one or two categories, one assignment
	 * each, with events: the statement the load harness seeds with too
	 * ({@code bench/sql/seed.sql}), in chunks.
	 */
	private static void seed(JdbcClient jdbc, int total) throws java.io.IOException {
		String statement = java.nio.file.Files.readString(java.nio.file.Path.of("bench/sql/seed.sql"));
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
