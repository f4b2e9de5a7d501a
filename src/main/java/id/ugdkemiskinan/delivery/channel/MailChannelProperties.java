package id.ugdkemiskinan.delivery.channel;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Email's own setting beside Spring Boot's {@code spring.mail.*} (host, port, username,
 * password): the sender's address ({@code UGD_MAIL_FROM}). Email is on when
 * {@code spring.mail.host} is set.
 */
@ConfigurationProperties("ugd.mail")
public record MailChannelProperties(@Nullable String from) {
}
