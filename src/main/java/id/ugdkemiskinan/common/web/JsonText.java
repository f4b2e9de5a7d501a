package id.ugdkemiskinan.common.web;

import id.ugdkemiskinan.common.TextInput;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON strings follow the same rule as form fields ({@link TextInput}): a NUL, a control
 * character or a lone surrogate ({@code "\ud800"}, which the database driver would store
 * as {@code ?}) is refused while the body is read, so the API answers 400 naming the
 * field.
 */
@Configuration(proxyBeanMethods = false)
class JsonText {

	/** Marks the refusal in the exception's message, for the problem detail. */
	static final String REFUSED = "text not accepted";

	@Bean
	SimpleModule cleanJsonStrings() {
		SimpleModule module = new SimpleModule("ugd-clean-strings");
		module.addDeserializer(String.class, new CleanStringDeserializer());
		return module;
	}

	static final class CleanStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String text = super.deserialize(parser, context);
			if (text != null && !TextInput.isClean(text)) {
				throw context.weirdStringException("(refused)", String.class, REFUSED);
			}
			return text;
		}

	}

}
