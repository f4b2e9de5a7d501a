package id.ugdkemiskinan.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from SQL {@code timestamptz} values, as the JDBC queries pass and read
 * them.
 */
public final class SqlTime {

	private SqlTime() {
	}

	/** The instant as a UTC {@code OffsetDateTime} parameter ({@code timestamptz}). */
	public static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** The column's {@code timestamptz} as an instant, or null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
