package id.ugdkemiskinan.delivery.digest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.common.Formats;
import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.dashboard.DailyDigest;
import id.ugdkemiskinan.dashboard.DailyDigests;
import id.ugdkemiskinan.delivery.DeliveryKind;
import id.ugdkemiskinan.delivery.DeliveryProperties;
import id.ugdkemiskinan.delivery.outbox.Outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the leadership's daily digest: once a day, at or after
 * {@code ugd.delivery.digest-time} in the kabupaten's zone, yesterday's figures
 * ({@link DailyDigests}) go into the outbox for every PIMPINAN, under the subject key
 * {@code digest:<today>}. An app started later in the day makes that day's digest then; a
 * day that passed while the app was down is not made afterwards. The {@code digest_run}
 * row of the day, inserted in the same transaction as the deliveries, lets one instance
 * of several make it.
 * <p>
 * The message's parameters, all text: {@code date} (yesterday), {@code compliance} ("87,5
 * %", "–" when nothing was due), {@code onTime}, {@code late} (every breach of the day:
 * responded late or still waiting past due, so that onTime / (onTime + late) is the
 * compliance), {@code link} (the dashboard), {@code byDinas} (a list of {@code dinas},
 * {@code breaches}, {@code open}, worst first) and {@code oldest} (a list of
 * {@code ticket}, {@code dinas}, {@code dueAt}, {@code overdue}, {@code link}).
 */
@Component
public class DigestMaker {

	private final JdbcClient jdbc;

	private final DailyDigests digests;

	private final Outbox outbox;

	private final DeliveryProperties properties;

	private final Formats formats;

	private final Clock clock;

	private final ZoneId zone;

	private final TransactionTemplate transaction;

	DigestMaker(JdbcClient jdbc, DailyDigests digests, Outbox outbox, DeliveryProperties properties, Formats formats,
			Clock clock, TimeProperties time, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.digests = digests;
		this.outbox = outbox;
		this.properties = properties;
		this.formats = formats;
		this.clock = clock;
		this.zone = time.zone();
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Makes today's digest if it is time and no instance has made it yet; answers how
	 * many deliveries it wrote.
	 */
	public int make() {
		Instant now = this.clock.instant();
		ZonedDateTime local = now.atZone(this.zone);
		if (local.toLocalTime().isBefore(this.properties.digestTime())) {
			return 0;
		}
		LocalDate today = local.toLocalDate();
		if (this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM digest_run WHERE day = :day)")
			.param("day", today)
			.query(Boolean.class)
			.single()) {
			return 0;
		}
		Integer written = this.transaction.execute(status -> {
			int inserted = this.jdbc
				.sql("INSERT INTO digest_run (day, created_at) VALUES (:day, :now) ON CONFLICT DO NOTHING")
				.param("day", today)
				.param("now", Timestamp.from(now))
				.update();
			if (inserted == 0) {
				return 0;
			}
			DailyDigest digest = this.digests.of(today.minusDays(1));
			return this.outbox.enqueue(DeliveryKind.DIGEST, List
				.of(new Outbox.Subject("digest:" + today, null, null, null, null, null, null, false, params(digest))),
					now);
		});
		return written == null ? 0 : written;
	}

	private Map<String, Object> params(DailyDigest digest) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("date", this.formats.day(digest.day()));
		params.put("compliance", this.formats.percent(digest.compliance()));
		params.put("onTime", this.formats.number(digest.onTime()));
		params.put("late", this.formats.number(digest.breaches()));
		params.put("link", this.properties.baseUrl().replaceAll("/+$", "") + "/dasbor");
		params.put("byDinas",
				digest.byDinas()
					.stream()
					.map(dinas -> Map.of("dinas", dinas.dinasName(), "breaches", this.formats.number(dinas.breaches()),
							"open", this.formats.number(dinas.open())))
					.toList());
		params.put("oldest",
				digest.oldest()
					.stream()
					.map(breach -> Map.of("ticket", breach.ticket(), "dinas", breach.dinasName(), "dueAt",
							this.formats.zonedDateTime(breach.dueAt()), "overdue",
							this.formats.duration(breach.overdue()), "link", this.properties.caseLink(breach.ticket())))
					.toList());
		return params;
	}

}
