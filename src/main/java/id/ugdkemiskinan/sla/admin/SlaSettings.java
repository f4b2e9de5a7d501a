package id.ugdkemiskinan.sla.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.ugdkemiskinan.common.ChangeAudit;
import id.ugdkemiskinan.users.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA policies and calendars as the admin keeps them: every change in one transaction
 * with its line of "Riwayat perubahan" (before and after). A change never touches an
 * existing assignment: due times are fixed when an assignment is made.
 */
@Component
class SlaSettings {

	private final JdbcClient jdbc;

	private final ChangeAudit audit;

	SlaSettings(JdbcClient jdbc, ChangeAudit audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	record Policy(long id, String priority, @Nullable String categoryCode, int responseMinutes, int atRiskPercent,
			long calendarId) {
	}

	record Calendar(long id, String name, boolean alwaysOpen, Map<Integer, Hours> hours, List<Holiday> holidays) {
	}

	record Hours(LocalTime opens, LocalTime closes) {
	}

	record Holiday(LocalDate date, String name) {
	}

	/** The audit's record of a calendar's open hours. */
	record HoursRecord(long calendarId, Map<String, String> hours) {
	}

	record HolidayRecord(long calendarId, String date, String name) {
	}

	List<Policy> policies() {
		return this.jdbc.sql("""
				SELECT id, priority, category_code, response_minutes, at_risk_percent, calendar_id FROM sla_policy
				 ORDER BY CASE priority WHEN 'DARURAT' THEN 0 WHEN 'TINGGI' THEN 1 ELSE 2 END,
				          category_code NULLS FIRST, id""").query((rs, n) -> policy(rs)).list();
	}

	Optional<Policy> policy(long id) {
		return this.jdbc.sql(
				"SELECT id, priority, category_code, response_minutes, at_risk_percent, calendar_id FROM sla_policy WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> policy(rs))
			.optional();
	}

	private static Policy policy(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Policy(rs.getLong("id"), rs.getString("priority"), rs.getString("category_code"),
				rs.getInt("response_minutes"), rs.getInt("at_risk_percent"), rs.getLong("calendar_id"));
	}

	List<Calendar> calendars() {
		List<Calendar> calendars = new ArrayList<>();
		this.jdbc.sql("SELECT id FROM sla_calendar ORDER BY always_open DESC, id")
			.query(Long.class)
			.list()
			.forEach(id -> calendars.add(calendar(id).orElseThrow()));
		return calendars;
	}

	Optional<Calendar> calendar(long id) {
		return this.jdbc.sql("SELECT id, name, always_open FROM sla_calendar WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Calendar(rs.getLong("id"), rs.getString("name"), rs.getBoolean("always_open"),
					hours(id), holidays(id)))
			.optional();
	}

	private Map<Integer, Hours> hours(long id) {
		Map<Integer, Hours> hours = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT weekday, opens_at, closes_at FROM sla_calendar_hours WHERE calendar_id = :id ORDER BY weekday")
			.param("id", id)
			.query((rs, n) -> hours.put(rs.getInt(1),
					new Hours(rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class))))
			.list();
		return hours;
	}

	private List<Holiday> holidays(long id) {
		return this.jdbc.sql("SELECT holiday_date, name FROM sla_holiday WHERE calendar_id = :id ORDER BY holiday_date")
			.param("id", id)
			.query((rs, n) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2)))
			.list();
	}

	@Transactional
	void updatePolicy(Policy before, int minutes, int percent, long calendarId, CurrentUser admin, Instant now) {
		this.jdbc.sql("""
				UPDATE sla_policy SET response_minutes = :m, at_risk_percent = :p, calendar_id = :c,
				       version = version + 1 WHERE id = :id""")
			.param("m", minutes)
			.param("p", percent)
			.param("c", calendarId)
			.param("id", before.id())
			.update();
		Policy after = policy(before.id()).orElseThrow();
		this.audit.record(admin.id(), admin.fullName(), "SLA_POLICY", key(after), ChangeAudit.Action.UPDATED, before,
				after, now);
	}

	/**
	 * @return false when that priority already has an override for that category
	 */
	@Transactional
	boolean addOverride(String priority, String category, int minutes, int percent, long calendarId, CurrentUser admin,
			Instant now) {
		Long id = this.jdbc.sql("""
				INSERT INTO sla_policy (priority, category_code, response_minutes, at_risk_percent, calendar_id)
				VALUES (:pr, :cat, :m, :p, :c) ON CONFLICT DO NOTHING RETURNING id""")
			.param("pr", priority)
			.param("cat", category)
			.param("m", minutes)
			.param("p", percent)
			.param("c", calendarId)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return false;
		}
		Policy after = policy(id).orElseThrow();
		this.audit.record(admin.id(), admin.fullName(), "SLA_POLICY", key(after), ChangeAudit.Action.CREATED, null,
				after, now);
		return true;
	}

	@Transactional
	void deleteOverride(Policy before, CurrentUser admin, Instant now) {
		this.jdbc.sql("DELETE FROM sla_policy WHERE id = :id AND category_code IS NOT NULL")
			.param("id", before.id())
			.update();
		this.audit.record(admin.id(), admin.fullName(), "SLA_POLICY", key(before), ChangeAudit.Action.DELETED, before,
				null, now);
	}

	@Transactional
	void saveHours(Calendar before, Map<Integer, Hours> hours, CurrentUser admin, Instant now) {
		this.jdbc.sql("DELETE FROM sla_calendar_hours WHERE calendar_id = :id").param("id", before.id()).update();
		hours.forEach((day, h) -> this.jdbc.sql("""
				INSERT INTO sla_calendar_hours (calendar_id, weekday, opens_at, closes_at) VALUES (:id, :d, :o, :c)""")
			.param("id", before.id())
			.param("d", day)
			.param("o", h.opens())
			.param("c", h.closes())
			.update());
		this.jdbc.sql("UPDATE sla_calendar SET version = version + 1 WHERE id = :id").param("id", before.id()).update();
		this.audit.record(admin.id(), admin.fullName(), "SLA_CALENDAR", String.valueOf(before.id()),
				ChangeAudit.Action.UPDATED, hoursRecord(before.id(), before.hours()), hoursRecord(before.id(), hours),
				now);
	}

	/**
	 * @return how many of the holidays were new
	 */
	@Transactional
	int addHolidays(long calendarId, List<Holiday> holidays, CurrentUser admin, Instant now) {
		int added = 0;
		for (Holiday h : holidays) {
			int n = this.jdbc.sql("""
					INSERT INTO sla_holiday (calendar_id, holiday_date, name) VALUES (:id, :d, :n)
					ON CONFLICT DO NOTHING""")
				.param("id", calendarId)
				.param("d", h.date())
				.param("n", h.name())
				.update();
			if (n == 1) {
				added++;
				this.audit.record(admin.id(), admin.fullName(), "SLA_HOLIDAY", calendarId + ":" + h.date(),
						ChangeAudit.Action.CREATED, null, new HolidayRecord(calendarId, h.date().toString(), h.name()),
						now);
			}
		}
		return added;
	}

	@Transactional
	boolean removeHoliday(long calendarId, LocalDate date, CurrentUser admin, Instant now) {
		Optional<String> name = this.jdbc
			.sql("DELETE FROM sla_holiday WHERE calendar_id = :id AND holiday_date = :d RETURNING name")
			.param("id", calendarId)
			.param("d", date)
			.query(String.class)
			.optional();
		name.ifPresent(n -> this.audit.record(admin.id(), admin.fullName(), "SLA_HOLIDAY", calendarId + ":" + date,
				ChangeAudit.Action.DELETED, new HolidayRecord(calendarId, date.toString(), n), null, now));
		return name.isPresent();
	}

	private static HoursRecord hoursRecord(long id, Map<Integer, Hours> hours) {
		Map<String, String> map = new LinkedHashMap<>();
		hours.forEach((d, h) -> map.put(java.time.DayOfWeek.of(d).name(), h.opens() + "-" + h.closes()));
		return new HoursRecord(id, map);
	}

	private static String key(Policy p) {
		return p.priority() + (p.categoryCode() == null ? "" : ":" + p.categoryCode());
	}

}
