package id.ugdkemiskinan.cases.intake;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;

import id.ugdkemiskinan.common.TimeProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ticket numbers people can read out on the phone ({@code UGD-26-000042}: year and a
 * running number from a database sequence, unique across instances), and short access
 * codes for the resident's status check, without look-alike characters (0/O, 1/I).
 */
@Component
class TicketNumbers {

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

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
		StringBuilder code = new StringBuilder(6);
		for (int i = 0; i < 6; i++) {
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

}
