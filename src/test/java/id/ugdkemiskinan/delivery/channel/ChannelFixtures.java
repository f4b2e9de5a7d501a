package id.ugdkemiskinan.delivery.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What the channel tests share: the app's own messages and mail templates (read the way
 * Spring Boot reads them), and messages like the outbox writes them.
 */
final class ChannelFixtures {

	static final String NIK = "3273011203900001";

	private ChannelFixtures() {
	}

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	static MessageTexts texts() {
		return new MessageTexts(messages());
	}

	static SpringTemplateEngine templates() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages());
		return engine;
	}

	/**
	 * A new assignment as the outbox writes it, with a NIK, a name and a description that
	 * should never leave the app.
	 */
	static OutgoingMessage assignment(ChannelType channel, String recipient) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("ticket", "UGD-2026-000042");
		params.put("kecamatan", "Cibeunying Kaler");
		params.put("category", "Pangan");
		params.put("priority", "TINGGI");
		params.put("dinas", "Dinas Sosial");
		params.put("dueAt", "1 Des 2026 18.30 WIB");
		params.put("dueAtIso", "2026-12-01T18:30:00+07:00");
		params.put("link", "https://ugd.example.go.id/penugasan/17");
		params.put("nik", NIK);
		params.put("residentName", "Siti Aminah");
		params.put("description", "Keluarga belum makan dua hari");
		return new OutgoingMessage(7, "e42:u5:" + channel, DeliveryKind.NEW_ASSIGNMENT, channel, recipient,
				"Petugas Dinas", params);
	}

	static OutgoingMessage digest(ChannelType channel, String recipient) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("date", "1 Des 2026");
		params.put("compliance", "87 %");
		params.put("onTime", "26");
		params.put("late", "4");
		params.put("link", "https://ugd.example.go.id/dasbor");
		params.put("byDinas", List.of(Map.of("dinas", "Dinas Sosial", "breaches", "3", "open", "5"),
				Map.of("dinas", "Dinas Kesehatan", "breaches", "1", "open", "2")));
		params.put("oldest", List.of(Map.of("ticket", "UGD-2026-000007", "dinas", "Dinas Sosial", "dueAt",
				"30 Nov 2026 10.00 WIB", "overdue", "21 jam", "link", "https://ugd.example.go.id/kasus/7")));
		return new OutgoingMessage(8, "digest:2026-12-01:u9:" + channel, DeliveryKind.DIGEST, channel, recipient,
				"Pimpinan", params);
	}

	/**
	 * HMAC-SHA256 as lowercase hex, computed here independently of the code under test.
	 */
	static String hmacHex(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
