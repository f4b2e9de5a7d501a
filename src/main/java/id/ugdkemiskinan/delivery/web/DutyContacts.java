package id.ugdkemiskinan.delivery.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.DinasRef;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The duty contact (piket) of each dinas ({@code dinas_duty_contact}). */
@Component
class DutyContacts {

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final Clock clock;

	DutyContacts(JdbcClient jdbc, Agencies agencies, Clock clock) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.clock = clock;
	}

	/**
	 * One dinas with its duty contact, if it has one.
	 *
	 * @param updatedBy the name of the admin who set it last
	 */
	record DutyContact(DinasRef dinas, @Nullable String email, @Nullable String phone, @Nullable Instant updatedAt,
			@Nullable String updatedBy) {
	}

	private record Stored(@Nullable String email, @Nullable String phone, Instant updatedAt,
			@Nullable String updatedBy) {
	}

	@Transactional(readOnly = true)
	List<DutyContact> all() {
		Map<String, Stored> stored = new HashMap<>();
		this.jdbc.sql("""
				SELECT dc.dinas_code, dc.email, dc.phone, dc.updated_at, u.full_name
				FROM dinas_duty_contact dc LEFT JOIN app_user u ON u.id = dc.updated_by
				""")
			.query((rs, n) -> stored.put(rs.getString("dinas_code"),
					new Stored(rs.getString("email"), rs.getString("phone"), rs.getTimestamp("updated_at").toInstant(),
							rs.getString("full_name"))))
			.list();
		return this.agencies.dinas().stream().map(d -> {
			Stored s = stored.get(d.code());
			return (s == null) ? new DutyContact(d, null, null, null, null)
					: new DutyContact(d, s.email(), s.phone(), s.updatedAt(), s.updatedBy());
		}).toList();
	}

	/** Sets the dinas's duty contact; without email and number it has none. */
	@Transactional
	void save(String dinasCode, @Nullable String email, @Nullable String phone, long adminId) {
		if (email == null && phone == null) {
			this.jdbc.sql("DELETE FROM dinas_duty_contact WHERE dinas_code = :dinas")
				.param("dinas", dinasCode)
				.update();
			return;
		}
		this.jdbc.sql("""
				INSERT INTO dinas_duty_contact (dinas_code, email, phone, updated_at, updated_by)
				VALUES (:dinas, :email, :phone, :now, :admin)
				ON CONFLICT (dinas_code) DO UPDATE
				SET email = excluded.email, phone = excluded.phone, updated_at = excluded.updated_at,
				    updated_by = excluded.updated_by
				""")
			.param("dinas", dinasCode)
			.param("email", email)
			.param("phone", phone)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("admin", adminId)
			.update();
	}

}
