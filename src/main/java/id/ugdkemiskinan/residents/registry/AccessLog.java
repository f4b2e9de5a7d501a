package id.ugdkemiskinan.residents.registry;

import java.time.Clock;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * The registry's access log: every view and export of a person or household record (who,
 * when, which record, which page), written in the reading request's own transaction.
 */
@Component
public class AccessLog {

	/** What was looked at. */
	public enum RecordType {

		PERSON, HOUSEHOLD, EXPORT

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	AccessLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records that {@code userId} saw the record on {@code page} (a path, at most 200).
	 */
	@Transactional
	public void record(long userId, RecordType type, @Nullable Long recordId, String page) {
		this.jdbc.sql("""
				INSERT INTO registry_access (user_id, accessed_at, record_type, record_id, page)
				VALUES (:user, :now, :type, :record, :page)""")
			.param("user", userId)
			.param("now", utc(this.clock.instant()))
			.param("type", type.name())
			.param("record", recordId)
			.param("page", (page.length() > 200) ? page.substring(0, 200) : page)
			.update();
	}

}
