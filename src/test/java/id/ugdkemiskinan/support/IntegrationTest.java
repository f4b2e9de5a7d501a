package id.ugdkemiskinan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on real PostgreSQL ({@link TestcontainersConfiguration}), with
 * MockMvc, in demo mode, with the app's own embedded server, the SLA sweeper and the
 * dashboard roll-up schedule, the delivery sender and the digest switched off (tests run
 * them when they mean to).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestcontainersConfiguration.class, TestClockConfiguration.class })
@TestPropertySource(properties = { "ugd.embedded-postgres.enabled=false", "ugd.demo.enabled=true",
		"ugd.sla.sweep-enabled=false", "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false",
		"ugd.delivery.sender-enabled=false", "ugd.delivery.digest-enabled=false",
		// Many contexts share one server: each keeps a couple of idle connections, not
		// ten.
		"spring.datasource.hikari.minimum-idle=2", "spring.datasource.hikari.idle-timeout=30000" })
public @interface IntegrationTest {

}
