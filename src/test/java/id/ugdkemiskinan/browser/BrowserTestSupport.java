package id.ugdkemiskinan.browser;

import java.io.IOException;

import id.ugdkemiskinan.UgdApplication;
import id.ugdkemiskinan.support.TestClockConfiguration;
import id.ugdkemiskinan.support.TestcontainersConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * What every browser test shares: the whole app on a real port and real PostgreSQL (in
 * demo mode, the SLA sweeper run by the tests themselves), one headless Chromium for the
 * class, and the steps of a story in order. Each class adds its own properties, above all
 * a database of its own ({@code ugd.test.database}).
 */
@RequiresChromium
@SpringBootTest(classes = UgdApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestcontainersConfiguration.class, TestClockConfiguration.class })
@TestPropertySource(properties = { "ugd.embedded-postgres.enabled=false", "ugd.demo.enabled=true",
		"ugd.sla.sweep-enabled=false", "ugd.delivery.digest-enabled=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BrowserTestSupport {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void startBrowser() throws IOException {
		this.browser = Browser.start("http://localhost:" + this.port);
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

}
