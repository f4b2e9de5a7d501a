package id.ugdkemiskinan.cases.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.common.DemoMode;
import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.region.DesaRef;
import id.ugdkemiskinan.region.KecamatanRef;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.sla.SlaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With {@code ugd.demo.cases} on (demo mode only, never in {@code prod}), the first start
 * seeds about 90 days of realistic cases so the dashboard tells a story the first time
 * anyone opens it: spread over every kecamatan, desa, category and dinas, most answered
 * in time, some late, a few still open, some of those breached and some at risk right
 * now. Seeded once (when there is no case at all), from a fixed random seed.
 */
@Component
@Order(20)
class DemoCases implements ApplicationRunner {

	static final int DAYS = 90;

	private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

	private static final String[] FIRST = { "Siti", "Ahmad", "Sri", "Budi", "Nur", "Slamet", "Sumiati", "Agus", "Dewi",
			"Joko", "Rina", "Suparno", "Wahyuni", "Bambang", "Endang", "Hadi", "Lestari", "Yanto", "Ponirah",
			"Karsiyem", "Rahmat", "Indah", "Sutrisno", "Ani", "Gunawan", "Mbah Sarni", "Misnah", "Supriyadi", "Tri",
			"Eko" };

	private static final String[] LAST = { "Aminah", "Rahayu", "Susanto", "Wijaya", "Hidayat", "Setiawati", "Purnomo",
			"Handayani", "Saputra", "Lestari", "Kurniawan", "Maryam", "Pratama", "Fitriani", "Santoso", "", "" };

	/**
	 * The categories demo cases are filed under; each goes where the routing rules send
	 * it.
	 */
	private static final List<String> CATEGORY_CODES = List.of("KESEHATAN", "PENDIDIKAN", "BANTUAN_SOSIAL",
			"RUMAH_TIDAK_LAYAK_HUNI", "EKONOMI_PEKERJAAN");

	private static final String[] INTERVENTIONS = { "PBI_JKN", "LAYANAN_KESEHATAN", "PKH", "SEMBAKO_BPNT",
			"KIP_BEASISWA", "KEMBALI_SEKOLAH", "BEDAH_RUMAH_RTLH", "BLT_DANA_DESA", "MODAL_USAHA_PELATIHAN" };

	private final DemoMode demoMode;

	private final Regions regions;

	private final Agencies agencies;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration responseTime;

	private final String zone;

	DemoCases(DemoMode demoMode, Regions regions, Agencies agencies, JdbcClient jdbc, Clock clock, SlaProperties sla,
			TimeProperties time) {
		this.demoMode = demoMode;
		this.regions = regions;
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.clock = clock;
		this.responseTime = sla.responseTime();
		this.zone = time.zone().getId();
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.demoMode.cases()
				|| this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM case_file)").query(Boolean.class).single()) {
			return;
		}
		// Each category with the dinas the routing rules send it to, per kecamatan.
		Map<String, String[][]> routed = new HashMap<>();
		Function<String, String[][]> categories = kecamatan -> routed.computeIfAbsent(kecamatan,
				k -> CATEGORY_CODES.stream()
					.map(code -> new String[] { code, this.agencies.route(List.of(code), k).iterator().next() })
					.toArray(String[][]::new));
		Random random = new Random(2016);
		Instant now = this.clock.instant();
		List<DesaRef> desa = new ArrayList<>();
		for (KecamatanRef kecamatan : this.regions.kecamatan()) {
			desa.addAll(this.regions.desaIn(kecamatan.code()));
		}
		long operator = this.jdbc.sql("SELECT id FROM app_user WHERE role = 'OPERATOR_UPT' ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		int cases = 0;
		for (int day = DAYS; day >= 0; day--) {
			int perDay = 18 + random.nextInt(18);
			for (int i = 0; i < perDay; i++) {
				Instant filed = now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(random.nextInt(24 * 60)));
				if (filed.isAfter(now)) {
					continue;
				}
				DesaRef where = desa.get(random.nextInt(desa.size()));
				seedCase(random, categories.apply(where.kecamatanCode()), where, filed, now, operator);
				cases++;
			}
		}
		log.info("Demo mode: seeded {} demo cases over {} days", cases, DAYS);
	}

	private void seedCase(Random random, String[][] categories, DesaRef desa, Instant filed, Instant now,
			long operator) {
		String[] first = categories[random.nextInt(categories.length)];
		List<String[]> routes = new ArrayList<>();
		routes.add(first);
		if (random.nextInt(4) == 0) {
			String[] second = categories[random.nextInt(categories.length)];
			if (!second[1].equals(first[1])) {
				routes.add(second);
			}
		}
		String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
		boolean noNik = random.nextInt(12) == 0;
		String nik = noNik ? null
				: desa.kecamatanCode().replace(".", "").substring(0, 6)
						+ String.format("%02d%02d%02d%04d", 1 + random.nextInt(28) + (random.nextBoolean() ? 40 : 0),
								1 + random.nextInt(12), random.nextInt(100), random.nextInt(10000));
		int flags = random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 7 ? 1 : 2;
		String priority = flags >= 2 ? "DARURAT" : flags == 1 ? "TINGGI" : "NORMAL";
		long caseId = this.jdbc
			.sql("""
					INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address, rt, rw,
					    beneficiary_name, nik, nik_unknown_reason, channel, description, filed_at, filed_by)
					VALUES ('UGD-' || to_char(CAST(:filed AS timestamptz) AT TIME ZONE :zone, 'YY') || '-'
					        || lpad(nextval('case_ticket_seq')::text, 6, '0'),
					    :code, 'TERBUKA', :priority, :kecamatan, :desa, :address, :rt, :rw, :name, :nik, :reason, :channel,
					    :description, :filed, :operator)
					RETURNING id""")
			.param("filed", Timestamp.from(filed))
			.param("zone", this.zone)
			.param("code", "DEMO" + (char) ('A' + random.nextInt(20)) + (char) ('A' + random.nextInt(20)))
			.param("priority", priority)
			.param("kecamatan", desa.kecamatanCode())
			.param("desa", desa.code())
			.param("address",
					"Dusun " + (random.nextBoolean() ? "Krajan" : "Sumber") + " No. " + (1 + random.nextInt(80)))
			.param("rt", String.format("%03d", 1 + random.nextInt(8)))
			.param("rw", String.format("%03d", 1 + random.nextInt(5)))
			.param("name", name.trim())
			.param("nik", nik)
			.param("reason", noNik ? "Belum pernah merekam KTP-el" : null)
			.param("channel",
					new String[] { "LANGSUNG", "WHATSAPP", "TELEPON", "PENJANGKAUAN", "MEDIA_SOSIAL" }[random
						.nextInt(5)])
			.param("description",
					"Pengaduan contoh (data demo) tentang " + first[0].toLowerCase().replace('_', ' ') + ".")
			.param("operator", operator)
			.query(Long.class)
			.single();
		event(caseId, null, "FILED", null, filed, "Data demo");
		boolean open = false;
		for (String[] route : routes) {
			this.jdbc.sql("INSERT INTO case_category (case_id, category_code) VALUES (:c, :cat) ON CONFLICT DO NOTHING")
				.param("c", caseId)
				.param("cat", route[0])
				.update();
			if (routes.indexOf(route) > 0 && route[1].equals(routes.get(0)[1])) {
				continue;
			}
			open |= seedAssignment(random, caseId, route[1], filed, now);
		}
		String status = open ? "TERBUKA" : random.nextInt(3) == 0 ? "SELESAI" : "DITUTUP";
		this.jdbc
			.sql("UPDATE case_file SET status = :s, closed_at = CASE WHEN :s = 'DITUTUP' THEN filed_at + interval '3 days' END, "
					+ "resolved_at = CASE WHEN :s <> 'TERBUKA' THEN (SELECT max(closed_at) FROM assignment WHERE case_id = :c) END "
					+ "WHERE id = :c")
			.param("s", status)
			.param("c", caseId)
			.update();
		if (!open) {
			answer(caseId);
		}
	}

	/**
	 * About half the residents of a resolved case answered "sudah tertangani?" within two
	 * days, mostly content (its own random numbers, so the cases stay those of before).
	 */
	private void answer(long caseId) {
		Random random = new Random(caseId * 7919);
		if (random.nextInt(100) >= 55) {
			return;
		}
		int[] ratings = { 5, 5, 5, 4, 4, 4, 4, 3, 3, 2 };
		this.jdbc
			.sql("""
					INSERT INTO resident_feedback (case_id, round_resolved_at, answer, rating, via, answered_at)
					SELECT id, resolved_at, 'SUDAH', :rating, 'STATUS_PAGE', resolved_at + make_interval(mins => :minutes)
					FROM case_file WHERE id = :c AND resolved_at IS NOT NULL AND resolved_at + make_interval(mins => :minutes) < now()
					ON CONFLICT DO NOTHING""")
			.param("c", caseId)
			.param("rating", ratings[random.nextInt(ratings.length)])
			.param("minutes", 30 + random.nextInt(2 * 24 * 60))
			.update();
	}

	/**
	 * @return whether the assignment is still open
	 */
	private boolean seedAssignment(Random random, long caseId, String dinas, Instant assigned, Instant now) {
		Instant due = assigned.plus(this.responseTime);
		Instant atRisk = assigned.plusMillis(this.responseTime.toMillis() * 3 / 4);
		long minutes = this.responseTime.toMinutes();
		int roll = random.nextInt(100);
		long responseMinutes = roll < 78 ? 10 + random.nextInt((int) (minutes * 0.9))
				: minutes + 5 + random.nextInt((int) minutes * 2);
		Instant responded = assigned.plus(Duration.ofMinutes(responseMinutes));
		boolean stillOpen = responded.isAfter(now) || random.nextInt(200) == 0;
		boolean resolved = !stillOpen && responded.plus(Duration.ofDays(2)).isBefore(now) && random.nextInt(10) < 9;
		String status = stillOpen ? "MENUNGGU_RESPON" : resolved ? "SELESAI" : "DIRESPON";
		long assignmentId = this.jdbc
			.sql("""
					INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at, closed_at,
					    intervention_code)
					VALUES (:c, :d, :s, :assigned, :due, :atRisk, :responded, :closed, :intervention)
					RETURNING id""")
			.param("c", caseId)
			.param("d", dinas)
			.param("s", status)
			.param("assigned", Timestamp.from(assigned))
			.param("due", Timestamp.from(due))
			.param("atRisk", Timestamp.from(atRisk))
			.param("responded", stillOpen ? null : Timestamp.from(responded))
			.param("closed", resolved ? Timestamp.from(responded.plus(Duration.ofDays(2))) : null)
			.param("intervention", resolved ? INTERVENTIONS[random.nextInt(INTERVENTIONS.length)] : null)
			.query(Long.class)
			.single();
		event(caseId, assignmentId, "ROUTED", dinas, assigned, null);
		if (!stillOpen) {
			event(caseId, assignmentId, responded.isAfter(due) ? "RESPONDED_LATE" : "RESPONDED", dinas, responded,
					"Petugas menghubungi dan mengunjungi warga (data demo).");
			// The resident's wait ends at the first response of a dinas (as CaseWorkflow
			// records it).
			this.jdbc
				.sql("""
						UPDATE case_file SET first_response_at = greatest(least(coalesce(first_response_at, :r), :r), filed_at)
						WHERE id = :c AND NOT EXISTS (SELECT 1 FROM dinas WHERE code = :d AND secretariat)""")
				.param("r", Timestamp.from(responded))
				.param("c", caseId)
				.param("d", dinas)
				.update();
		}
		if (resolved) {
			event(caseId, assignmentId, "RESOLVED", dinas, responded.plus(Duration.ofDays(2)),
					"Bantuan diberikan (data demo).");
		}
		return stillOpen || !resolved;
	}

	private void event(long caseId, Long assignmentId, String type, String dinas, Instant at, String note) {
		this.jdbc
			.sql("""
					INSERT INTO case_event (case_id, assignment_id, type, dinas_code, occurred_at, actor_name, actor_role, note)
					VALUES (:c, :a, :t, :d, :at, CASE WHEN :t = 'FILED' THEN 'Operator UPT (demo)' ELSE 'Petugas ' || :d || ' (demo)' END,
					    CASE WHEN :t = 'FILED' THEN 'OPERATOR_UPT' ELSE 'PETUGAS_DINAS' END, :note)""")
			.param("c", caseId)
			.param("a", assignmentId)
			.param("t", type)
			.param("d", dinas)
			.param("at", Timestamp.from(at))
			.param("note", note)
			.update();
	}

}
