package id.ugdkemiskinan.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.ugdkemiskinan.UgdApplication;
import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.channel.Channel;
import id.ugdkemiskinan.delivery.outbox.DeliverySender;
import id.ugdkemiskinan.sla.SlaSweeper;
import id.ugdkemiskinan.support.TestDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test) of the outbox on real PostgreSQL, two parts:
 * <ul>
 * <li>{@code enqueue}: one SLA sweep that flags 10,000 breaches (the breached dinas's
 * officer, the secretariat and the dinas's duty contact have an email address and a
 * WhatsApp number; demo mode, so every channel is active): the time from the sweep's
 * start until every delivery of the breaches is in the {@code delivery} table (the
 * listener runs asynchronously after each batch's commit). Goal: under 5 s.</li>
 * <li>{@code drain}: 20,000 PENDING webhook deliveries drained by {@link DeliverySender}
 * (one instance, {@code ugd.delivery.concurrency}) into a local receiver (the JDK's HTTP
 * server, 32 threads), goal under 60 s; beside it, in the same run, the receiver's raw
 * capacity (the same number of POSTs from a plain {@link HttpClient}, as many at once as
 * the sender sends) and the same deliveries drained into the demo's Kotak keluar (no HTTP
 * at all: the sender's own cost).</li>
 * </ul>
 * Run it with
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=id.ugdkemiskinan.bench.DeliveryBenchmark</pre>
 * {@code -Dbench.parts=enqueue} or {@code drain} runs one part;
 * {@code -Dbench.deliveries} (20000), {@code -Dbench.concurrency} (the app's default, 8)
 * and {@code -Dbench.batch} (the app's default, 100) size the drain; further arguments go
 * to the app (e.g. {@code --ugd.delivery.batch-size=500}).
 */
public final class DeliveryBenchmark {

	private static final int BREACHES = 10_000;

	private DeliveryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String parts = System.getProperty("bench.parts", "enqueue drain");
		long stamp = System.currentTimeMillis() % 100000;
		List<String> lines = new ArrayList<>();
		if (parts.contains("enqueue")) {
			// First with every channel off (the listeners run, write nothing), then on.
			List<String> off = enqueue("bench_dlv_enq_off_" + stamp, false, args);
			List<String> on = enqueue("bench_dlv_enq_on_" + stamp, true, args);
			lines.add("**Enqueue**: one SLA sweep flags 10,000 breaches (the sender off)");
			lines.add(
					"| channels | sweep (its 20 batches committed) | first delivery row | all deliveries in the table | |");
			lines.add("|---|---|---|---|---|");
			lines.addAll(off);
			lines.addAll(on);
		}
		if (parts.contains("drain")) {
			lines.addAll(drain("bench_dlv_drain_" + stamp, args));
		}
		System.out.println();
		lines.forEach(System.out::println);
		System.exit(0);
	}

	private static List<String> appArgs(String database, List<String> own, String[] extra) {
		TestDatabase db = TestDatabase.get();
		List<String> appArgs = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=" + db.jdbcUrl(database), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--ugd.demo.enabled=true", "--ugd.demo.cases=false",
				"--ugd.sla.sweep-enabled=false", "--ugd.dashboard.rollup-enabled=false",
				"--ugd.delivery.digest-enabled=false", "--logging.level.root=WARN"));
		appArgs.addAll(own);
		appArgs.addAll(List.of(extra));
		return appArgs;
	}

	// ---- (B) the sweep's deliveries
	// ----------------------------------------------------

	private static List<String> enqueue(String database, boolean channelsOn, String[] extra) throws Exception {
		// The sender stays off: what is measured is writing the deliveries, not sending
		// them.
		List<String> args = appArgs(database,
				List.of("--ugd.delivery.sender-enabled=false", "--ugd.delivery.demo-outbox=" + channelsOn), extra);
		try (ConfigurableApplicationContext app = SpringApplication.run(UgdApplication.class,
				args.toArray(String[]::new))) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			SlaSweeper sweeper = app.getBean(SlaSweeper.class);
			Instant now = Instant.now();
			long t = System.nanoTime();
			SlaSweepBenchmark.seed(jdbc, 2 * BREACHES, now);
			System.out.printf("%s: seeded %,d assignments (%,d open) in %.1f s%n", database, 2 * BREACHES, BREACHES,
					(System.nanoTime() - t) / 1e9);
			// Contacts: the DINKES officer(s), the secretariat, DINKES's duty contact.
			jdbc.sql("""
					UPDATE app_user SET email = username || '@ugd.test',
					    phone = '+62812' || lpad((9000000 + id)::text, 8, '0')
					WHERE role = 'SEKRETARIAT' OR (role = 'PETUGAS_DINAS' AND dinas_code = 'DINKES')""").update();
			jdbc.sql("""
					INSERT INTO dinas_duty_contact (dinas_code, email, phone, updated_at)
					VALUES ('DINKES', 'piket.dinkes@ugd.test', '+6281200009999', now())
					ON CONFLICT (dinas_code) DO UPDATE SET email = EXCLUDED.email, phone = EXCLUDED.phone""").update();
			int perBreach = jdbc.sql("""
					SELECT count(email) + count(phone) FROM app_user
					WHERE enabled AND (role = 'SEKRETARIAT' OR (role = 'PETUGAS_DINAS' AND dinas_code = 'DINKES'))""")
				.query(Integer.class)
				.single() + 2 + 1;
			int expected = channelsOn ? perBreach * BREACHES : 0;
			jdbc.sql("""
					UPDATE assignment SET due_at = :due, at_risk_from = :atRisk, at_risk_at = :atRisk,
					    at_risk_detected_at = :atRisk, assigned_at = :assigned
					WHERE status = 'MENUNGGU_RESPON'""")
				.param("due", Timestamp.from(now.minus(Duration.ofMinutes(1))))
				.param("atRisk", Timestamp.from(now.minus(Duration.ofMinutes(61))))
				.param("assigned", Timestamp.from(now.minus(Duration.ofHours(4).plusMinutes(1))))
				.update();
			jdbc.sql("VACUUM ANALYZE").update();
			// The sweep in a thread of its own; this one watches the table meanwhile.
			ExecutorService sweeping = Executors.newSingleThreadExecutor();
			long start = System.nanoTime();
			Future<SlaSweeper.Sweep> running = sweeping.submit(sweeper::sweep);
			int count = 0;
			double firstMillis = -1;
			double sweepMillis = -1;
			long deadline = start + Duration.ofMinutes(3).toNanos();
			while (System.nanoTime() < deadline) {
				if (sweepMillis < 0 && running.isDone()) {
					sweepMillis = (System.nanoTime() - start) / 1e6;
				}
				count = jdbc.sql("SELECT count(*) FROM delivery WHERE kind = 'BREACHED'").query(Integer.class).single();
				if (count > 0 && firstMillis < 0) {
					firstMillis = (System.nanoTime() - start) / 1e6;
				}
				if (sweepMillis >= 0 && count >= expected && (expected > 0 || incomplete(jdbc) == 0)) {
					break;
				}
				Thread.sleep(10);
			}
			double doneMillis = (System.nanoTime() - start) / 1e6;
			SlaSweeper.Sweep sweep = running.get();
			sweeping.shutdown();
			int incomplete = incomplete(jdbc);
			List<String> byChannel = jdbc.sql(
					"SELECT channel || ' ' || count(*) FROM delivery WHERE kind = 'BREACHED' GROUP BY channel ORDER BY 1")
				.query(String.class)
				.list();
			System.out.printf("breach sweep: %s in %.0f ms; deliveries %,d of %,d after %.0f ms%n", sweep, sweepMillis,
					count, expected, doneMillis);
			if (!channelsOn) {
				return List.of(String.format(
						"| off (the listeners run, write nothing; %,d breaches) | %.0f ms | – | – (listeners done after %.0f ms) | publications incomplete: %d |",
						sweep.breached(), sweepMillis, doneMillis, incomplete));
			}
			return List.of(String.format(
					"| all on (demo mode; %,d breaches, %d deliveries each: %s) | %.0f ms | %.0f ms | %,d of %,d after %.0f ms | %s (goal < 5,000 ms); publications incomplete: %d |",
					sweep.breached(), perBreach, String.join(", ", byChannel), sweepMillis, firstMillis, count,
					expected, doneMillis, (count >= expected && doneMillis < 5000) ? "ok" : "MISSED", incomplete));
		}
	}

	private static int incomplete(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Integer.class)
			.single();
	}

	// ---- (C) draining webhook deliveries
	// -----------------------------------------------

	private static List<String> drain(String database, String[] extra) throws Exception {
		int deliveries = Integer.getInteger("bench.deliveries", 20_000);
		List<String> own = new ArrayList<>(List.of("--ugd.delivery.sender-enabled=false"));
		if (System.getProperty("bench.concurrency") != null) {
			own.add("--ugd.delivery.concurrency=" + System.getProperty("bench.concurrency"));
		}
		if (System.getProperty("bench.batch") != null) {
			own.add("--ugd.delivery.batch-size=" + System.getProperty("bench.batch"));
		}
		List<String> lines = new ArrayList<>();
		Receiver receiver = Receiver.start(32);
		try {
			// 1. The sender into the Kotak keluar: no channel configured, demo mode.
			Drain outbox;
			int concurrency;
			int batch;
			try (ConfigurableApplicationContext app = SpringApplication.run(UgdApplication.class,
					appArgs(database, own, extra).toArray(String[]::new))) {
				concurrency = app.getEnvironment().getProperty("ugd.delivery.concurrency", Integer.class);
				batch = app.getEnvironment().getProperty("ugd.delivery.batch-size", Integer.class);
				outbox = timeDrain(app, "outbox", deliveries, null);
			}
			// 2. The receiver's raw capacity, as many POSTs at once as the sender sends.
			double rawSeconds = raw(receiver, deliveries, concurrency);
			receiver.reset();
			// 3. The sender into the webhook receiver.
			List<String> webhook = new ArrayList<>(own);
			webhook.add("--ugd.webhook.url=http://127.0.0.1:" + receiver.port() + "/webhook");
			webhook.add("--ugd.webhook.secret=bench-secret");
			webhook.add("--ugd.delivery.demo-outbox=false");
			Drain sent = null;
			try (ConfigurableApplicationContext app = SpringApplication.run(UgdApplication.class,
					appArgs(database, webhook, extra).toArray(String[]::new))) {
				boolean hasWebhook = app.getBeansOfType(Channel.class)
					.values()
					.stream()
					.anyMatch(c -> c.type() == ChannelType.WEBHOOK && c.configured());
				if (hasWebhook) {
					sent = timeDrain(app, "webhook", deliveries, receiver);
				}
			}
			lines.add(String.format("**Drain** %,d webhook deliveries, one instance, concurrency %d, batch %d",
					deliveries, concurrency, batch));
			lines.add("| what | time | deliveries/s | rounds p50 / max | |");
			lines.add("|---|---|---|---|---|");
			lines.add(String.format(
					"| receiver's raw capacity (JDK HttpClient, %d at once) | %.1f s | %.0f | | %,d POSTs |",
					concurrency, rawSeconds, deliveries / rawSeconds, deliveries));
			lines.add(outbox.row("drain into the Kotak keluar (no HTTP: the sender's own cost)", null));
			if (sent != null) {
				lines.add(sent.row("drain into the webhook receiver",
						"goal < 60 s → " + (sent.complete(deliveries) && sent.seconds() < 60 ? "ok" : "MISSED")
								+ String.format("; received %,d", sent.received())));
				lines.add(String.format("webhook drain ÷ raw capacity: %.2f×", sent.seconds() / rawSeconds));
			}
			else {
				lines.add(
						"| drain into the webhook receiver | – | – | – | no configured WEBHOOK channel bean in this build |");
			}
		}
		finally {
			receiver.stop();
		}
		return lines;
	}

	private record Drain(double seconds, int handled, int sentRows, int otherRows, double roundP50, double roundMax,
			int rounds, int received) {

		boolean complete(int deliveries) {
			return this.sentRows == deliveries;
		}

		String row(String what, String note) {
			return String.format("| %s | %.1f s | %.0f | %.0f / %.0f ms (%d rounds) | SENT %,d, other %,d%s |", what,
					this.seconds, this.sentRows / this.seconds, this.roundP50, this.roundMax, this.rounds,
					this.sentRows, this.otherRows, (note != null) ? "; " + note : "");
		}

	}

	private static Drain timeDrain(ConfigurableApplicationContext app, String run, int deliveries, Receiver receiver) {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		DeliverySender sender = app.getBean(DeliverySender.class);
		// Warm-up: 200 deliveries of their own, drained before the timed ones are
		// written.
		insert(jdbc, run + "-warm", 200);
		sender.drain();
		insert(jdbc, run, deliveries);
		if (receiver != null) {
			receiver.reset();
		}
		List<Double> rounds = new ArrayList<>();
		long start = System.nanoTime();
		int handled = 0;
		int n;
		do {
			long t = System.nanoTime();
			n = sender.sendDue();
			rounds.add((System.nanoTime() - t) / 1e6);
			handled += n;
		}
		while (n > 0);
		double seconds = (System.nanoTime() - start) / 1e9;
		rounds.remove(rounds.size() - 1);
		double[] sorted = rounds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int sentRows = jdbc.sql("SELECT count(*) FROM delivery WHERE delivery_key LIKE :p AND status = 'SENT'")
			.param("p", "bench-" + run + ":%")
			.query(Integer.class)
			.single();
		int otherRows = jdbc.sql("SELECT count(*) FROM delivery WHERE delivery_key LIKE :p AND status <> 'SENT'")
			.param("p", "bench-" + run + ":%")
			.query(Integer.class)
			.single();
		if (otherRows > 0) {
			jdbc.sql("SELECT status || ' ' || coalesce(last_error, '') || ' ' || count(*) FROM delivery "
					+ "WHERE delivery_key LIKE :p AND status <> 'SENT' GROUP BY status, last_error LIMIT 5")
				.param("p", "bench-" + run + ":%")
				.query(String.class)
				.list()
				.forEach(l -> System.out.println("  not sent: " + l));
		}
		System.out.printf("%s: %,d handled in %.1f s (%,d SENT)%n", run, handled, seconds, sentRows);
		return new Drain(seconds, handled, sentRows, otherRows, (sorted.length > 0) ? sorted[sorted.length / 2] : 0,
				(sorted.length > 0) ? sorted[sorted.length - 1] : 0, sorted.length,
				(receiver != null) ? receiver.count() : 0);
	}

	private static void insert(JdbcClient jdbc, String run, int deliveries) {
		jdbc.sql("""
				INSERT INTO delivery (delivery_key, kind, channel, recipient, event_id, case_id, ticket, params, status,
				                      next_attempt_at, created_at, updated_at)
				SELECT 'bench-' || :run || ':' || g || ':webhook', 'NEW_ASSIGNMENT', 'WEBHOOK', 'webhook', g, g,
				       'UGD-90-' || lpad(g::text, 9, '0'),
				       jsonb_build_object('ticket', 'UGD-90-' || lpad(g::text, 9, '0'), 'kecamatan', 'Muncar',
				           'category', 'Kesehatan, Pendidikan', 'priority', 'NORMAL', 'dinas', 'Dinas Kesehatan',
				           'link', 'http://localhost:8080/kasus/UGD-90-' || lpad(g::text, 9, '0'),
				           'dueAt', '1 Des 2026 18.00 WIB', 'dueAtIso', '2026-12-01T11:00:00Z'),
				       'PENDING', now() - interval '1 minute', now(), now()
				FROM generate_series(1, :n) g""").param("run", run).param("n", deliveries).update();
		jdbc.sql("ANALYZE delivery").update();
	}

	/**
	 * {@code deliveries} POSTs of a webhook-sized body, {@code concurrency} at a time.
	 */
	private static double raw(Receiver receiver, int deliveries, int concurrency) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		byte[] body = ("{\"deliveryKey\":\"bench:1:webhook\",\"kind\":\"NEW_ASSIGNMENT\",\"ticket\":\"UGD-90-000000001\","
				+ "\"kecamatan\":\"Muncar\",\"category\":\"Kesehatan, Pendidikan\",\"priority\":\"NORMAL\","
				+ "\"dinas\":\"Dinas Kesehatan\",\"dueAt\":\"2026-12-01T11:00:00Z\","
				+ "\"link\":\"http://localhost:8080/kasus/UGD-90-000000001\"}")
			.getBytes(StandardCharsets.UTF_8);
		URI uri = URI.create("http://127.0.0.1:" + receiver.port() + "/webhook");
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		AtomicInteger left = new AtomicInteger(deliveries + 200);
		AtomicInteger failed = new AtomicInteger();
		Runnable loop = () -> {
			while (left.getAndDecrement() > 0) {
				try {
					HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri)
						.timeout(Duration.ofSeconds(10))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofByteArray(body))
						.build(), HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() != 200) {
						failed.incrementAndGet();
					}
				}
				catch (IOException ex) {
					failed.incrementAndGet();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		};
		// 200 to warm up, then the timed ones.
		left.set(200);
		runAll(pool, loop, concurrency);
		left.set(deliveries);
		long start = System.nanoTime();
		runAll(pool, loop, concurrency);
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		System.out.printf("raw: %,d POSTs in %.1f s, %d failed%n", deliveries, seconds, failed.get());
		return seconds;
	}

	private static void runAll(ExecutorService pool, Runnable loop, int concurrency) throws Exception {
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < concurrency; i++) {
			futures.add(pool.submit(loop));
		}
		for (Future<?> future : futures) {
			future.get();
		}
	}

	/**
	 * A local receiver: answers every POST with 200 and JSON (for a WhatsApp path the
	 * Cloud API's answer with a fresh message id), counting them.
	 */
	static final class Receiver {

		private final HttpServer server;

		private final ExecutorService pool;

		private final AtomicInteger count = new AtomicInteger();

		private final AtomicLong ids = new AtomicLong();

		private Receiver(HttpServer server, ExecutorService pool) {
			this.server = server;
			this.pool = pool;
		}

		static Receiver start(int threads) {
			// Without it the JDK's server answers a keep-alive request in two segments
			// and Nagle
			// holds the second until the client's delayed ACK (about 40 ms a request).
			System.setProperty("sun.net.httpserver.nodelay", "true");
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
				ExecutorService pool = Executors.newFixedThreadPool(threads);
				Receiver receiver = new Receiver(server, pool);
				server.createContext("/", receiver::handle);
				server.setExecutor(pool);
				server.start();
				return receiver;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private void handle(HttpExchange exchange) throws IOException {
			try (InputStream in = exchange.getRequestBody()) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			String answer = exchange.getRequestURI().getPath().endsWith("/messages")
					? "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+6281200000000\",\"wa_id\":"
							+ "\"6281200000000\"}],\"messages\":[{\"id\":\"wamid.BENCH" + this.ids.incrementAndGet()
							+ "\"}]}"
					: "{\"ok\":true}";
			byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
			this.count.incrementAndGet();
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		int count() {
			return this.count.get();
		}

		void reset() {
			this.count.set(0);
		}

		void stop() {
			this.server.stop(0);
			this.pool.shutdownNow();
		}

	}

}
