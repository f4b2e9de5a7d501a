package id.ugdkemiskinan.cases.resident;

import java.sql.Timestamp;
import java.time.Duration;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * After five wrong tries of one source for one ticket, a try waits 30 s after the last
 * wrong one, even with the right code; time moves on the clock.
 */
@IntegrationTest
class StatusCheckSlowDownTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	ResidentTestSupport cases;

	@BeforeEach
	void setUp() {
		this.cases = new ResidentTestSupport(this.mvc, this.jdbc, this.clock);
	}

	@Test
	void afterFiveWrongTriesEveryTryWaitsThirtySecondsEvenWithTheRightCode() throws Exception {
		String ticket = this.cases.fileCase(CaseData.nik(), "KESEHATAN");
		String code = this.cases.accessCode(ticket);
		String source = "10.9.0.1";
		for (int i = 0; i < 5; i++) {
			assertThat(tryCode(ticket, "WRONG" + i, source).getResponse().getStatus()).isEqualTo(200);
			this.clock.advance(Duration.ofSeconds(1));
		}

		MvcResult refused = tryCode(ticket, code, source);
		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getContentAsString())
			.contains("Terlalu banyak percobaan. Coba lagi dalam 29 detik.")
			.doesNotContain("tidak cocok");
		assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("29");
		assertThat(tryCode(ticket, code, "10.9.0.2").getResponse().getRedirectedUrl())
			.as("another source is not held back")
			.isEqualTo("/cek/" + ticket + "/status");

		this.clock.advance(Duration.ofSeconds(29));
		MvcResult wrongAgain = tryCode(ticket, "STILLWRONG", source);
		assertThat(wrongAgain.getResponse().getContentAsString()).contains("tidak cocok");
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(tryCode(ticket, code, source).getResponse().getStatus()).as("30 s after the last wrong one")
			.isEqualTo(429);
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(tryCode(ticket, code, source).getResponse().getRedirectedUrl())
			.isEqualTo("/cek/" + ticket + "/status");
		assertThat(failures(source, ticket)).as("a success forgets the wrong tries").isZero();
	}

	@Test
	void theSlowDownCountsAnUnknownTicketAsTyped() throws Exception {
		String source = "10.9.1.1";
		for (int i = 0; i < 5; i++) {
			tryCode(" ugd-26-888888 ", "ABCDEFGHJK", source);
		}
		MvcResult refused = tryCode("UGD-26-888888", "ABCDEFGHJK", source);
		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(failures(source, "UGD-26-888888")).isEqualTo(5);
	}

	@Test
	void wrongTriesOlderThanADayAreForgottenAndDeleted() throws Exception {
		String ticket = this.cases.fileCase(CaseData.nik(), "KESEHATAN");
		String old = StatusCheckThrottle.source("10.9.2.1");
		this.jdbc.sql("""
				INSERT INTO status_check_failure (source_hash, ticket, failures, last_failure_at)
				VALUES (:s, :t, 40, :at)""")
			.param("s", old)
			.param("t", ticket)
			.param("at", Timestamp.from(this.clock.instant().minus(Duration.ofDays(1)).minusSeconds(1)))
			.update();

		assertThat(tryCode(ticket, this.cases.accessCode(ticket), "10.9.2.1").getResponse().getRedirectedUrl())
			.as("a day-old count holds nobody back")
			.isEqualTo("/cek/" + ticket + "/status");
		this.jdbc.sql("""
				INSERT INTO status_check_failure (source_hash, ticket, failures, last_failure_at)
				VALUES (:s, :t, 40, :at)""")
			.param("s", old)
			.param("t", "UGD-26-777777")
			.param("at", Timestamp.from(this.clock.instant().minus(Duration.ofDays(2))))
			.update();
		tryCode(ticket, "WRONGWRONG", "10.9.2.2");
		assertThat(this.jdbc.sql("SELECT count(*) FROM status_check_failure WHERE last_failure_at < :before")
			.param("before", Timestamp.from(this.clock.instant().minus(Duration.ofDays(1))))
			.query(Long.class)
			.single()).as("old rows deleted on a write").isZero();
	}

	@Test
	void anIpv6ClientCountsByItsSlash64() throws Exception {
		String ticket = this.cases.fileCase(CaseData.nik(), "KESEHATAN");
		for (int i = 0; i < 5; i++) {
			tryCode(ticket, "WRONGWRONG", "2001:db8:7:1::" + Integer.toHexString(i + 1));
		}

		assertThat(tryCode(ticket, this.cases.accessCode(ticket), "2001:db8:7:1:ffff::9").getResponse().getStatus())
			.as("another address of the same /64")
			.isEqualTo(429);
		assertThat(tryCode(ticket, this.cases.accessCode(ticket), "2001:db8:7:2::1").getResponse().getRedirectedUrl())
			.as("another /64")
			.isEqualTo("/cek/" + ticket + "/status");
		assertThat(StatusCheckThrottle.source("10.9.3.1")).hasSize(64)
			.isNotEqualTo(StatusCheckThrottle.source("10.9.3.2"));
	}

	/**
	 * A case with an older 6-character code is also slowed down across sources: 20 wrong
	 * tries from 20 addresses, then even the right code from a fresh address waits.
	 */
	@Test
	void aSixCharacterCodeIsSlowedDownAcrossAllSources() throws Exception {
		String ticket = this.cases.fileCase(CaseData.nik(), "KESEHATAN");
		this.jdbc.sql("UPDATE case_file SET access_code = 'KQ7RTW' WHERE ticket = :t").param("t", ticket).update();
		for (int i = 0; i < StatusCheck.LEGACY_TICKET_FREE_FAILURES; i++) {
			assertThat(tryCode(ticket, "ABCDEF", "10.9.4." + (i + 1)).getResponse().getStatus()).isEqualTo(200);
		}
		this.clock.advance(Duration.ofSeconds(10));
		MvcResult refused = tryCode(ticket, "kq7-rtw", "10.9.5.1");
		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getContentAsString()).contains("Coba lagi dalam 20 detik.");
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(tryCode(ticket, "kq7-rtw", "10.9.5.1").getResponse().getRedirectedUrl())
			.isEqualTo("/cek/" + ticket + "/status");

		String longCode = this.cases.fileCase(CaseData.nik(), "KESEHATAN");
		for (int i = 0; i < StatusCheck.LEGACY_TICKET_FREE_FAILURES + 5; i++) {
			tryCode(longCode, "ABCDEFGHJK", "10.9.6." + (i + 1));
		}
		assertThat(tryCode(longCode, this.cases.accessCode(longCode), "10.9.7.1").getResponse().getRedirectedUrl())
			.as("a 10-character code is slowed down per source only")
			.isEqualTo("/cek/" + longCode + "/status");
	}

	private MvcResult tryCode(String ticket, String code, String source) throws Exception {
		return this.mvc
			.perform(post("/cek").param("ticket", ticket)
				.param("code", code)
				.with(ResidentTestSupport.from(source))
				.with(csrf()))
			.andReturn();
	}

	private int failures(String source, String ticket) {
		return this.jdbc
			.sql("SELECT coalesce(max(failures), 0) FROM status_check_failure WHERE source_hash = :s AND ticket = :t")
			.param("s", StatusCheckThrottle.source(source))
			.param("t", ticket)
			.query(Integer.class)
			.single();
	}

}
