package id.ugdkemiskinan.delivery.channel;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.ugdkemiskinan.delivery.ChannelType;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class EmailChannelTests {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Test
	void sendsPlainTextAndHtmlInBahasaIndonesiaToTheRecipient() throws Exception {
		EmailChannel channel = channel(greenMail.getSmtp().getPort(), "ugd@bandung.go.id");
		SendResult result = channel.send(ChannelFixtures.assignment(ChannelType.EMAIL, "petugas@dinsos.go.id"));

		assertThat(result).isInstanceOf(SendResult.Sent.class);
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactly("petugas@dinsos.go.id");
		assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("ugd@bandung.go.id");
		assertThat(mail.getSubject()).isEqualTo("Penugasan baru UGD-2026-000042: Pangan, Kec. Cibeunying Kaler");
		assertThat(mail.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		BodyPart plain = parts.getBodyPart(0);
		BodyPart html = parts.getBodyPart(1);
		assertThat(plain.getContentType()).startsWith("text/plain");
		assertThat(html.getContentType()).startsWith("text/html");
		String text = (String) plain.getContent();
		String markup = (String) html.getContent();
		assertThat(text).contains("Dinas Anda mendapat penugasan baru", "Kecamatan: Cibeunying Kaler",
				"Batas waktu: 1 Des 2026 18.30 WIB");
		assertThat(markup).contains("<a href=\"https://ugd.example.go.id/penugasan/17\">Buka</a>", "Cibeunying Kaler",
				"Batas waktu", "Pesan otomatis dari UGD Kemiskinan");
		String raw = GreenMailUtil.getWholeMessage(mail);
		assertThat(raw).doesNotContain(ChannelFixtures.NIK, "Siti Aminah", "belum makan");
		SendResult.Sent sent = (SendResult.Sent) result;
		assertThat(sent.subject()).isEqualTo(mail.getSubject());
		assertThat(sent.body()).isEqualTo(text.replace("\r\n", "\n"));
	}

	@Test
	void theDigestsHtmlListsTheDinasAndTheOldestCases() throws Exception {
		EmailChannel channel = channel(greenMail.getSmtp().getPort(), "ugd@bandung.go.id");
		assertThat(channel.send(ChannelFixtures.digest(ChannelType.EMAIL, "pimpinan@bandung.go.id")))
			.isInstanceOf(SendResult.Sent.class);
		MimeMultipart parts = (MimeMultipart) greenMail.getReceivedMessages()[0].getContent();
		assertThat((String) parts.getBodyPart(1).getContent()).contains("Dinas Sosial: 3 melewati batas, 5 terbuka",
				"<a href=\"https://ugd.example.go.id/kasus/7\">UGD-2026-000007 (Dinas Sosial)",
				"<a href=\"https://ugd.example.go.id/dasbor\">Dasbor</a>");
	}

	@Test
	void aRecipientRefusedForGoodFails() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer("550 5.1.1 <nobody@dinsos.go.id>: user unknown")) {
			SendResult result = channel(server.port(), "ugd@bandung.go.id")
				.send(ChannelFixtures.assignment(ChannelType.EMAIL, "nobody@dinsos.go.id"));
			assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
					(failed) -> assertThat(failed.reason()).contains("550", "user unknown"));
		}
	}

	@Test
	void aRecipientRefusedForNowIsRetried() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer("451 4.3.0 try again later")) {
			SendResult result = channel(server.port(), "ugd@bandung.go.id")
				.send(ChannelFixtures.assignment(ChannelType.EMAIL, "petugas@dinsos.go.id"));
			assertThat(result).isInstanceOfSatisfying(SendResult.Retry.class,
					(retry) -> assertThat(retry.reason()).contains("451"));
		}
	}

	@Test
	void aServerThatIsDownIsRetried() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		SendResult result = channel(port, "ugd@bandung.go.id")
			.send(ChannelFixtures.assignment(ChannelType.EMAIL, "petugas@dinsos.go.id"));
		assertThat(result).isInstanceOf(SendResult.Retry.class);
	}

	@Test
	void configuredWithASenderAndAFromAddressOnly() {
		assertThat(channel(25, "ugd@bandung.go.id").configured()).isTrue();
		assertThat(channel(25, " ").configured()).isFalse();
		EmailChannel withoutServer = new EmailChannel(
				new StaticListableBeanFactory(Map.of()).getBeanProvider(JavaMailSender.class),
				new MailChannelProperties("ugd@bandung.go.id"), ChannelFixtures.texts(), ChannelFixtures.templates());
		assertThat(withoutServer.configured()).isFalse();
		assertThat(withoutServer.send(ChannelFixtures.assignment(ChannelType.EMAIL, "a@b.id")))
			.isInstanceOf(SendResult.Retry.class);
	}

	@Test
	void describesHostPortAndSenderButNoPassword() {
		JavaMailSenderImpl sender = sender(2525);
		sender.setUsername("ugd");
		sender.setPassword("very-secret");
		EmailChannel channel = new EmailChannel(
				new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class),
				new MailChannelProperties("ugd@bandung.go.id"), ChannelFixtures.texts(), ChannelFixtures.templates());
		assertThat(channel.describe()).isEqualTo("127.0.0.1:2525, ugd@bandung.go.id").doesNotContain("very-secret");
	}

	private static EmailChannel channel(int port, String from) {
		return new EmailChannel(
				new StaticListableBeanFactory(Map.of("mailSender", sender(port))).getBeanProvider(JavaMailSender.class),
				new MailChannelProperties(from), ChannelFixtures.texts(), ChannelFixtures.templates());
	}

	private static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.connectiontimeout", "2000");
		properties.setProperty("mail.smtp.timeout", "2000");
		sender.setJavaMailProperties(properties);
		return sender;
	}

}
