package id.ugdkemiskinan.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fixes the due time and at-risk instant of an assignment made now, from the SLA policy
 * then in force (read at every call, so a change takes effect at once on every instance):
 * the most specific policy wins (priority and one of the case's categories over priority
 * alone; of several category policies the shortest response time), counted on the
 * policy's calendar. Without a policy, {@code ugd.sla.response-time} on 24/7.
 */
@Component
public class SlaDeadlines {

	private final JdbcClient jdbc;

	private final SlaPolicy fallback;

	private final ZoneId zone;

	/** {@code zone}: the kabupaten's ({@code common.TimeProperties}). */
	SlaDeadlines(JdbcClient jdbc, SlaPolicy fallback, @Value("${ugd.zone}") ZoneId zone) {
		this.jdbc = jdbc;
		this.fallback = fallback;
		this.zone = zone;
	}

	/**
	 * The instants fixed for an assignment made at {@code assignedAt}.
	 *
	 * @param workingHours whether they were counted in open hours only
	 */
	public record Deadline(Instant dueAt, Instant atRiskFrom, boolean workingHours) {
	}

	public Deadline fix(Instant assignedAt, String priority, Collection<String> categories) {
		List<Row> rows = policyInForce(priority, categories);
		if (rows.isEmpty()) {
			Instant due = this.fallback.dueAt(assignedAt);
			return new Deadline(due, this.fallback.atRiskFrom(assignedAt, due), false);
		}
		Row policy = rows.get(0);
		WorkCalendar calendar = calendar(policy.calendarId());
		Duration response = Duration.ofMinutes(policy.responseMinutes());
		return new Deadline(calendar.dueAt(assignedAt, response),
				calendar.atRiskFrom(assignedAt, response, policy.atRiskPercent() / 100.0), !calendar.isAlways());
	}

	/** A calendar as stored (24/7 when it is marked so or has no open weekday). */
	public WorkCalendar calendar(long calendarId) {
		boolean always = this.jdbc.sql("SELECT always_open FROM sla_calendar WHERE id = :id")
			.param("id", calendarId)
			.query(Boolean.class)
			.single();
		if (always) {
			return WorkCalendar.always(this.zone);
		}
		Map<DayOfWeek, WorkCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
		this.jdbc.sql("SELECT weekday, opens_at, closes_at FROM sla_calendar_hours WHERE calendar_id = :id")
			.param("id", calendarId)
			.query((rs, n) -> hours.put(DayOfWeek.of(rs.getInt("weekday")),
					new WorkCalendar.Hours(rs.getObject("opens_at", LocalTime.class),
							rs.getObject("closes_at", LocalTime.class))))
			.list();
		if (hours.isEmpty()) {
			return WorkCalendar.always(this.zone);
		}
		Set<LocalDate> holidays = new HashSet<>(
				this.jdbc.sql("SELECT holiday_date FROM sla_holiday WHERE calendar_id = :id")
					.param("id", calendarId)
					.query((rs, n) -> rs.getObject(1, LocalDate.class))
					.list());
		return WorkCalendar.workingHours(this.zone, hours, holidays);
	}

	/**
	 * The calendar of the policy now in force for an assignment of that priority and
	 * those categories (as {@link #fix} would choose it), with its name; empty without a
	 * policy (24/7 on {@code ugd.sla.response-time}).
	 */
	public java.util.Optional<NamedCalendar> calendarInForce(String priority, Collection<String> categories) {
		List<Row> rows = policyInForce(priority, categories);
		if (rows.isEmpty()) {
			return java.util.Optional.empty();
		}
		long id = rows.get(0).calendarId();
		String name = this.jdbc.sql("SELECT name FROM sla_calendar WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		return java.util.Optional.of(new NamedCalendar(id, name, calendar(id)));
	}

	/** A calendar as the admin named it. */
	public record NamedCalendar(long id, String name, WorkCalendar calendar) {
	}

	private List<Row> policyInForce(String priority, Collection<String> categories) {
		return this.jdbc.sql("""
				SELECT id, category_code, response_minutes, at_risk_percent, calendar_id FROM sla_policy
				 WHERE priority = :priority AND (category_code IS NULL OR category_code IN (:categories))
				 ORDER BY (category_code IS NULL), response_minutes, id LIMIT 1""")
			.param("priority", priority)
			.param("categories", categories.isEmpty() ? List.of("") : categories)
			.query((rs, n) -> new Row(rs.getInt("response_minutes"), rs.getInt("at_risk_percent"),
					rs.getLong("calendar_id")))
			.list();
	}

	private record Row(int responseMinutes, int atRiskPercent, long calendarId) {
	}

}
