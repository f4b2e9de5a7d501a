package id.ugdkemiskinan.common;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The texts come from {@code messages*.properties}, in both languages: the two files have
 * the same keys, and no template shows literal text that is not replaced by a message
 * when it is rendered (after spring-petclinic's {@code I18nPropertiesSyncTest}).
 */
class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/**
	 * Attributes whose literal text is replaced when rendered: their element's prototype
	 * text is not shown.
	 */
	private static final Pattern REPLACES_TEXT = Pattern.compile("\\sth:(text|utext|errors|replace|insert)=");

	/** Attributes a user reads (or hears from a screen reader). */
	private static final Pattern VISIBLE_ATTRIBUTE = Pattern
		.compile("\\s(placeholder|title|aria-label|alt)=\"([^\"]*)\"");

	private static final Pattern TAG = Pattern.compile("<(/?)[A-Za-z][\\w:.-]*((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");

	/**
	 * What may stand in a template as it is, not being words: the brand, ticket numbers
	 * as examples, entities, inline expressions ({@code [[...]]}); everything else with
	 * two letters in a row is text.
	 */
	private static final Pattern ALLOWED = Pattern
		.compile("UGD-\\d+-\\d+|\\bUGD\\b|&#?\\w+;|\\[\\[.*?]]|\\[\\(.*?\\)]");

	private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

	@Test
	void indonesianAndEnglishHaveTheSameKeys() throws IOException {
		Properties indonesian = load("messages.properties");
		Properties english = load("messages_en.properties");

		assertThat(indonesian).isNotEmpty();
		assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(indonesian.stringPropertyNames());
		assertThat(english.values()).allSatisfy(value -> assertThat(value.toString()).isNotBlank());
	}

	@Test
	void templatesShowNoLiteralText() throws IOException {
		List<String> literal = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".html")).sorted().toList()) {
				literal.addAll(literalText(file));
			}
		}
		assertThat(literal).as("text in templates that does not come from messages*.properties").isEmpty();
	}

	private static List<String> literalText(Path file) throws IOException {
		String html = Files.readString(file)
			.replaceAll("(?s)<!--.*?-->|<!DOCTYPE[^>]*>", "")
			.replaceAll("(?is)<(script|style)\\b.*?</\\1>", "");
		List<String> found = new ArrayList<>();
		Matcher tag = TAG.matcher(html);
		int textStart = 0;
		boolean replaced = false;
		while (tag.find()) {
			if (!replaced) {
				check(file, html.substring(textStart, tag.start()), found);
			}
			String attributes = tag.group(2);
			replaced = tag.group(1).isEmpty() && REPLACES_TEXT.matcher(attributes).find();
			Matcher attribute = VISIBLE_ATTRIBUTE.matcher(attributes);
			while (attribute.find()) {
				String name = attribute.group(1);
				if (!attributes.contains("th:" + name + "=")
						&& !attributes.matches("(?s).*th:attr=\"[^\"]*\\b" + name + "=.*")) {
					check(file, attribute.group(2), found);
				}
			}
			textStart = tag.end();
		}
		check(file, html.substring(textStart), found);
		return found;
	}

	private static void check(Path file, String text, List<String> found) {
		String words = ALLOWED.matcher(text).replaceAll(" ").strip();
		if (WORD.matcher(words).find()) {
			found.add(TEMPLATES.relativize(file) + ": " + text.strip());
		}
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
