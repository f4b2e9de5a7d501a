package id.ugdkemiskinan.common;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTests {

	@Test
	void indonesianAndEnglishHaveTheSameKeys() throws IOException {
		Properties indonesian = load("messages.properties");
		Properties english = load("messages_en.properties");

		assertThat(indonesian).isNotEmpty();
		assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(indonesian.stringPropertyNames());
		assertThat(english.values()).allSatisfy(value -> assertThat(value.toString()).isNotBlank());
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStreamReader reader = new InputStreamReader(new ClassPathResource(name).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
