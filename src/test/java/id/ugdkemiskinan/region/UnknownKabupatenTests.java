package id.ugdkemiskinan.region;

import id.ugdkemiskinan.UgdApplication;
import id.ugdkemiskinan.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnknownKabupatenTests {

	@Test
	void anUnknownKabupatenCodeStopsTheStartWithAClearMessage() {
		TestDatabase db = TestDatabase.get();

		assertThatThrownBy(() -> SpringApplication.run(UgdApplication.class, "--server.port=0",
				"--ugd.kabupaten-code=99.99", "--spring.datasource.url=" + db.jdbcUrl("unknown_kabupaten"),
				"--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password()))
			.rootCause()
			.isInstanceOf(UnknownKabupatenException.class)
			.hasMessageContaining("ugd.kabupaten-code '99.99'");
	}

}
