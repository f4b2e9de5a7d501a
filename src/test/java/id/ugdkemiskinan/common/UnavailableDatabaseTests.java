package id.ugdkemiskinan.common;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** A database that cannot be reached answers 503 with "try again", not a 500 with a stack trace. */
class UnavailableDatabaseTests {

	@Controller
	static class PageWithoutDatabase {

		@GetMapping("/halaman")
		String page() {
			throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction");
		}

	}

	@RestController
	static class ApiWithoutDatabase {

		@GetMapping("/api/v1/sesuatu")
		String api() {
			throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
		}

	}

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PageWithoutDatabase(), new ApiWithoutDatabase())
		.setControllerAdvice(new ApiExceptionHandler(), new WebExceptionHandler())
		.build();

	@Test
	void pagesAnswer503WithTheUnavailablePage() throws Exception {
		this.mvc.perform(get("/halaman"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "10"))
			.andExpect(view().name("error/503"));
	}

	@Test
	void theApiAnswers503AsProblemDetails() throws Exception {
		this.mvc.perform(get("/api/v1/sesuatu").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value(503))
			.andExpect(jsonPath("$.detail").value("Layanan sementara tidak tersedia. Coba lagi dalam beberapa saat."));
	}

}
