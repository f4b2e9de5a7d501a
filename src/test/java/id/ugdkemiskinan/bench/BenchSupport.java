package id.ugdkemiskinan.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * What the benchmark programs share: interleaved timed rounds with their p50/p95, a
 * logged-in HTTP client's GET, and EXPLAIN (ANALYZE, BUFFERS) of a captured statement.
 */
final class BenchSupport {

	private BenchSupport() {
	}

	/**
	 * p50 and p95 of each call, {@code warmup} rounds after which {@code runs} rounds are
	 * timed, the calls interleaved within each round (so that a noisy machine weighs on
	 * each alike).
	 */
	static Map<String, double[]> rounds(Map<String, Supplier<Double>> calls, int warmup, int runs) {
		Map<String, double[]> millis = new LinkedHashMap<>();
		calls.keySet().forEach(name -> millis.put(name, new double[runs]));
		for (int round = 0; round < warmup + runs; round++) {
			for (Map.Entry<String, Supplier<Double>> call : calls.entrySet()) {
				double taken = call.getValue().get();
				if (round >= warmup) {
					millis.get(call.getKey())[round - warmup] = taken;
				}
			}
		}
		Map<String, double[]> percentiles = new LinkedHashMap<>();
		millis.forEach((name, values) -> {
			Arrays.sort(values);
			percentiles.put(name, new double[] { values[runs / 2], values[runs * 95 / 100] });
		});
		return percentiles;
	}

	static double millis(Runnable call) {
		long started = System.nanoTime();
		call.run();
		return (System.nanoTime() - started) / 1e6;
	}

	static void check(int status) {
		if (status != 200) {
			throw new IllegalStateException("HTTP " + status);
		}
	}

	static int get(HttpClient http, int port, String path) {
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void login(HttpClient http, int port, String user) throws Exception {
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

	static String explain(DataSource dataSource, String sql) {
		StringBuilder plan = new StringBuilder();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
				while (rs.next()) {
					plan.append(rs.getString(1)).append('\n');
				}
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return plan.toString();
	}

}
