package id.ugdkemiskinan.common.web;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text from requests, one way for every handler: request parameters, headers, path
 * variables and form fields arrive trimmed, and blank is {@code null} ("not given").
 * Except the forms with a password field (log-in, password change): a password is kept
 * exactly as typed, spaces included.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TextBinding {

	@InitBinder
	void trimText(WebDataBinder binder) {
		if (!hasPasswordField(binder)) {
			binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
		}
	}

	/** Whether a form type has a password field, looked at once per type. */
	private static final ClassValue<Boolean> PASSWORD_FORM = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			return hasPasswordField(type);
		}
	};

	private static boolean hasPasswordField(WebDataBinder binder) {
		Class<?> type = binder.getTargetType() != null ? binder.getTargetType().resolve()
				: binder.getTarget() != null ? binder.getTarget().getClass() : null;
		return type != null && PASSWORD_FORM.get(type);
	}

	private static boolean hasPasswordField(Class<?> type) {
		Stream<String> names = type.isRecord() ? Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
				: Arrays.stream(type.getDeclaredFields()).map(Field::getName);
		return names.anyMatch(name -> name.toLowerCase(Locale.ROOT).contains("password"));
	}

}
