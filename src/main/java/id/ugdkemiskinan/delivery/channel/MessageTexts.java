package id.ugdkemiskinan.delivery.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.ugdkemiskinan.common.Locales;
import id.ugdkemiskinan.delivery.DeliveryKind;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of every message, from {@code messages*.properties} in Bahasa Indonesia: a
 * subject and a plain text per kind, filled from the message's parameters. Email, the
 * Kotak keluar and the delivery log show these. A message about a case says no more about
 * it than its ticket, kecamatan, category, priority, dinas and due time (never a NIK, a
 * name or the description); the digest only counts and tickets.
 */
@Component
public class MessageTexts {

	/** A case's parameters in the order of the messages' placeholders {0} to {5}. */
	static final List<String> CASE_FIELDS = List.of("ticket", "kecamatan", "category", "priority", "dinas", "dueAt");

	/** The digest's parameters in the order of the messages' placeholders {0} to {3}. */
	static final List<String> DIGEST_FIELDS = List.of("date", "compliance", "onTime", "late");

	/** What stands for the access code where staff could read the message. */
	static final String HIDDEN_CODE = "•••••-•••••";

	private final MessageSource messages;

	public MessageTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** A message as a person reads it. */
	public record Preview(String subject, String text) {
	}

	/** The message in Bahasa Indonesia. */
	public Preview preview(OutgoingMessage message) {
		return preview(message, Locales.INDONESIAN);
	}

	/**
	 * The message in the language. A message to a resident as the resident reads it,
	 * except for the access code, which is hidden: the preview is what the delivery log
	 * and the Kotak keluar keep and show to staff.
	 */
	public Preview preview(OutgoingMessage message, Locale locale) {
		if (message.kind().toResident()) {
			return new Preview(subject(message, locale), residentText(message, locale, true));
		}
		return new Preview(subject(message, locale), text(message, locale));
	}

	/**
	 * A message to a resident as it goes out (an SMS through the webhook), access code
	 * and all.
	 */
	public String residentText(OutgoingMessage message) {
		return residentText(message, Locales.INDONESIAN, false);
	}

	/** The subject line. */
	public String subject(OutgoingMessage message, Locale locale) {
		return this.messages.getMessage(prefix(message.kind()) + "subject." + message.kind().name(), arguments(message),
				locale);
	}

	/** The first sentence: what happened and what is asked. */
	public String lead(OutgoingMessage message, Locale locale) {
		return this.messages.getMessage(prefix(message.kind()) + "lead." + message.kind().name(), arguments(message),
				locale);
	}

	/**
	 * The words of a message to a resident: its text with the parameters in the order of
	 * its WhatsApp template's (the inbox's reply: the text itself).
	 */
	private String residentText(OutgoingMessage message, Locale locale, boolean hideCode) {
		if (message.kind() == DeliveryKind.INBOX_REPLY) {
			return message.param("text");
		}
		Object[] values = WhatsAppChannel.parameterNames(message.kind()).stream().map((name) -> {
			String value = message.param(name);
			return (hideCode && name.equals("accessCode") && !value.isEmpty()) ? HIDDEN_CODE : value;
		}).toArray();
		return this.messages.getMessage("residentmsg.text." + message.kind().name(), values, locale);
	}

	/** The kinds of issue 16 have their words under {@code residentmsg.}. */
	private static String prefix(DeliveryKind kind) {
		return (kind.toResident() || kind == DeliveryKind.RESIDENT_REOPENED) ? "residentmsg." : "delivery.";
	}

	/** The case's facts as label and value, those without a value left out. */
	public List<Field> fields(OutgoingMessage message, Locale locale) {
		List<Field> fields = new ArrayList<>();
		if (message.kind() == DeliveryKind.DIGEST || message.kind().toResident()) {
			return fields;
		}
		for (String name : CASE_FIELDS) {
			String value = message.param(name);
			if ("dueAt".equals(name) && "true".equals(message.param("dueInWorkingHours"))) {
				value = this.messages.getMessage("delivery.dueAt.workingHours", new Object[] { value }, locale);
			}
			if (!value.isBlank()) {
				fields.add(new Field(label(name, locale), value));
			}
		}
		return fields;
	}

	/** The digest's lines per dinas, e.g. "Dinas Sosial: 2 melewati batas, 5 terbuka". */
	public List<String> digestDinasLines(OutgoingMessage message, Locale locale) {
		List<String> lines = new ArrayList<>();
		for (Map<?, ?> row : rows(message, "byDinas")) {
			lines.add(this.messages.getMessage("delivery.digest.dinasLine",
					new Object[] { value(row, "dinas"), value(row, "breaches"), value(row, "open") }, locale));
		}
		return lines;
	}

	/** The digest's oldest cases without a response, each with its link. */
	public List<Field> digestOldest(OutgoingMessage message, Locale locale) {
		List<Field> lines = new ArrayList<>();
		for (Map<?, ?> row : rows(message, "oldest")) {
			lines.add(new Field(
					this.messages.getMessage("delivery.digest.oldestLine", new Object[] { value(row, "ticket"),
							value(row, "dinas"), value(row, "dueAt"), value(row, "overdue") }, locale),
					value(row, "link")));
		}
		return lines;
	}

	/** A label and its value (in the digest: a line and its link). */
	public record Field(String label, String value) {
	}

	private String text(OutgoingMessage message, Locale locale) {
		StringBuilder text = new StringBuilder(lead(message, locale)).append("\n\n");
		if (message.kind() == DeliveryKind.DIGEST) {
			text.append(this.messages.getMessage("delivery.digest.byDinas", null, locale)).append(":\n");
			appendLines(text, digestDinasLines(message, locale), locale);
			text.append('\n').append(this.messages.getMessage("delivery.digest.oldest", null, locale)).append(":\n");
			List<String> oldest = new ArrayList<>();
			for (Field line : digestOldest(message, locale)) {
				oldest.add(line.value().isBlank() ? line.label() : line.label() + " " + line.value());
			}
			appendLines(text, oldest, locale);
			text.append('\n')
				.append(this.messages.getMessage("delivery.digest.link", null, locale))
				.append(": ")
				.append(message.param("link"))
				.append('\n');
		}
		else {
			for (Field field : fields(message, locale)) {
				text.append(field.label()).append(": ").append(field.value()).append('\n');
			}
			text.append('\n').append(label("link", locale)).append(": ").append(message.param("link")).append('\n');
		}
		return text.append("\n-- \n").append(this.messages.getMessage("delivery.footer", null, locale)).toString();
	}

	private void appendLines(StringBuilder text, List<String> lines, Locale locale) {
		if (lines.isEmpty()) {
			text.append("- ").append(this.messages.getMessage("delivery.digest.none", null, locale)).append('\n');
		}
		for (String line : lines) {
			text.append("- ").append(line).append('\n');
		}
	}

	private String label(String name, Locale locale) {
		return this.messages.getMessage("delivery.label." + name, null, locale);
	}

	/** The placeholders' values: the case's or the digest's, as text. */
	static Object[] arguments(OutgoingMessage message) {
		List<String> names = (message.kind() == DeliveryKind.DIGEST) ? DIGEST_FIELDS : CASE_FIELDS;
		return names.stream().map(message::param).toArray();
	}

	private static List<Map<?, ?>> rows(OutgoingMessage message, String name) {
		List<Map<?, ?>> rows = new ArrayList<>();
		if (message.params().get(name) instanceof List<?> list) {
			for (Object row : list) {
				if (row instanceof Map<?, ?> map) {
					rows.add(map);
				}
			}
		}
		return rows;
	}

	private static String value(Map<?, ?> row, String name) {
		Object value = row.get(name);
		return (value != null) ? value.toString() : "";
	}

}
