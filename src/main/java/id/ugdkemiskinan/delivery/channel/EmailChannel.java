package id.ugdkemiskinan.delivery.channel;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.ugdkemiskinan.common.Locales;
import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP: a {@code multipart/alternative} of the plain text
 * ({@link MessageTexts}) and its HTML ({@code templates/mail/message.html}), in Bahasa
 * Indonesia, from {@code ugd.mail.from}. On when Spring Boot made a
 * {@link JavaMailSender} ({@code spring.mail.host} is set) and the sender's address is
 * set. An address the server refuses for good (5xx on {@code RCPT TO}, a 5xx for the
 * message, an address that cannot be parsed) fails; an unreachable server, a timeout, a
 * 4xx or a refused login is retried.
 */
@Component
public class EmailChannel implements Channel {

	private static final Logger logger = LoggerFactory.getLogger(EmailChannel.class);

	private static final String TEMPLATE = "mail/message";

	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		// Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader scan of the
		// class path for every MIME part it makes and writes (jakartaee/mail-api #699,
		// #861): a seventh of the app's CPU under load. Named, it is loaded at once.
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	private static final Pattern REPLY = Pattern.compile("([2-5][0-9][0-9])(?:[ -]|$)");

	private final ObjectProvider<JavaMailSender> mailSender;

	private final MailChannelProperties properties;

	private final MessageTexts texts;

	private final ITemplateEngine templates;

	public EmailChannel(ObjectProvider<JavaMailSender> mailSender, MailChannelProperties properties, MessageTexts texts,
			ITemplateEngine templates) {
		this.mailSender = mailSender;
		this.properties = properties;
		this.texts = texts;
		this.templates = templates;
	}

	@Override
	public ChannelType type() {
		return ChannelType.EMAIL;
	}

	@Override
	public boolean configured() {
		return this.mailSender.getIfAvailable() != null && !isBlank(this.properties.from());
	}

	@Override
	public String describe() {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		String from = isBlank(this.properties.from()) ? "-" : this.properties.from();
		if (sender instanceof JavaMailSenderImpl impl) {
			int port = (impl.getPort() > 0) ? impl.getPort() : 25;
			return impl.getHost() + ":" + port + ", " + from;
		}
		return (sender != null) ? "SMTP, " + from : from;
	}

	@Override
	public SendResult send(OutgoingMessage message) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null || isBlank(this.properties.from())) {
			return new SendResult.Retry("email is not configured (spring.mail.host, ugd.mail.from)", null);
		}
		Locale locale = Locales.INDONESIAN;
		MessageTexts.Preview preview = this.texts.preview(message, locale);
		MimeMessage mime;
		try {
			mime = sender.createMimeMessage();
			mime.setFrom(new InternetAddress(this.properties.from(), true));
			mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(message.recipient(), true));
			mime.setSubject(preview.subject(), StandardCharsets.UTF_8.name());
			MimeMultipart alternative = new MimeMultipart("alternative");
			MimeBodyPart plain = new MimeBodyPart();
			plain.setText(preview.text(), StandardCharsets.UTF_8.name(), "plain");
			MimeBodyPart html = new MimeBodyPart();
			html.setText(html(message, preview, locale), StandardCharsets.UTF_8.name(), "html");
			alternative.addBodyPart(plain);
			alternative.addBodyPart(html);
			mime.setContent(alternative);
			mime.setHeader("X-UGD-Delivery", message.deliveryKey());
		}
		catch (AddressException ex) {
			return new SendResult.Failed("invalid address: " + ex.getMessage());
		}
		catch (MessagingException | RuntimeException ex) {
			logger.warn("Could not prepare the email of delivery {}", message.id(), ex);
			return new SendResult.Failed("could not prepare the email: " + ex.getMessage());
		}
		try {
			sender.send(mime);
			return new SendResult.Sent(null, preview.subject(), preview.text());
		}
		catch (MailException ex) {
			return classify(ex);
		}
		catch (RuntimeException ex) {
			return new SendResult.Retry("unexpected: " + ex, null);
		}
	}

	private String html(OutgoingMessage message, MessageTexts.Preview preview, Locale locale) {
		Context context = new Context(locale);
		boolean digest = message.kind() == DeliveryKind.DIGEST;
		context.setVariable("subject", preview.subject());
		context.setVariable("lead", this.texts.lead(message, locale));
		context.setVariable("digest", digest);
		context.setVariable("fields", this.texts.fields(message, locale));
		context.setVariable("dinasLines", this.texts.digestDinasLines(message, locale));
		context.setVariable("oldest", this.texts.digestOldest(message, locale));
		context.setVariable("link", message.param("link"));
		return this.templates.process(TEMPLATE, context);
	}

	/**
	 * Permanent (5xx for the address or the message) fails, everything else is retried.
	 */
	static SendResult classify(MailException ex) {
		if (ex instanceof MailAuthenticationException) {
			return new SendResult.Retry("SMTP login refused: " + ex.getMessage(), null);
		}
		if (ex instanceof MailSendException send) {
			List<Exception> failures = new ArrayList<>(send.getFailedMessages().values());
			failures.addAll(Arrays.asList(send.getMessageExceptions()));
			for (Exception failure : failures) {
				SendResult result = classify(failure);
				if (result != null) {
					return result;
				}
			}
		}
		return new SendResult.Retry("SMTP: " + reason(ex), null);
	}

	/** Walks the causes (and jakarta.mail's next exceptions) for an SMTP reply code. */
	private static @Nullable SendResult classify(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < 10; depth++) {
			// Angus Mail's SMTPAddressFailedException (RCPT TO) and
			// SMTPSendFailedException
			// (MAIL FROM, DATA) carry the server's reply, its code first.
			if (current instanceof SendFailedException refused && replyCode(refused.getMessage()) > 0) {
				int code = replyCode(refused.getMessage());
				String reason = "SMTP " + trim(refused.getMessage());
				return (code >= 500) ? new SendResult.Failed(reason) : new SendResult.Retry(reason, null);
			}
			if (current instanceof ConnectException || current instanceof SocketTimeoutException
					|| current instanceof UnknownHostException) {
				return new SendResult.Retry("SMTP server unreachable: " + current, null);
			}
			Throwable next = (current instanceof MessagingException messaging && messaging.getNextException() != null)
					? messaging.getNextException() : current.getCause();
			current = (next == current) ? null : next;
		}
		return null;
	}

	/** The SMTP reply code a server's reply starts with ("550 5.1.1 ..."), else 0. */
	static int replyCode(@Nullable String reply) {
		if (reply == null) {
			return 0;
		}
		Matcher matcher = REPLY.matcher(reply.strip());
		return matcher.lookingAt() ? Integer.parseInt(matcher.group(1)) : 0;
	}

	private static String reason(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root == ex) ? trim(ex.getMessage()) : trim(ex.getMessage()) + " (" + root + ")";
	}

	private static String trim(@Nullable String text) {
		return (text != null) ? text.strip() : "";
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
