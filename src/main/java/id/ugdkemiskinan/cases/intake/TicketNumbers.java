package id.ugdkemiskinan.cases.intake;

import java.time.Instant;
import java.time.ZoneId;

import id.ugdkemiskinan.cases.domain.AccessCodes;
import id.ugdkemiskinan.common.TimeProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ticket numbers people can read out on the phone ({@code UGD-26-000042}: year and a
 * running number from a database sequence, unique across instances), and the resident's
 * access codes ({@link AccessCodes}).
 */
@Component
class TicketNumbers {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	TicketNumbers(JdbcClient jdbc, TimeProperties properties) {
		this.jdbc = jdbc;
		this.zone = properties.zone();
	}

	String next(Instant filedAt) {
		long number = this.jdbc.sql("SELECT nextval('case_ticket_seq')").query(Long.class).single();
		int year = filedAt.atZone(this.zone).getYear() % 100;
		return String.format("UGD-%02d-%06d", year, number);
	}

	static String accessCode() {
		return AccessCodes.generate();
	}

}
