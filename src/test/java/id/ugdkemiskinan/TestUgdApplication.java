package id.ugdkemiskinan;

import java.util.Arrays;

import id.ugdkemiskinan.support.TestcontainersConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * The application on the tests' PostgreSQL ({@link TestcontainersConfiguration}: a
 * Testcontainers container where a Docker engine answers, otherwise the embedded server),
 * for trying it out from the IDE or with {@code ./mvnw spring-boot:test-run}. Its own
 * embedded database stays off.
 */
public class TestUgdApplication {

	public static void main(String[] args) {
		String[] withTestDatabase = Arrays.copyOf(args, args.length + 1);
		withTestDatabase[args.length] = "--ugd.embedded-postgres.enabled=false";
		SpringApplication.from(UgdApplication::main).with(TestcontainersConfiguration.class).run(withTestDatabase);
	}

}
