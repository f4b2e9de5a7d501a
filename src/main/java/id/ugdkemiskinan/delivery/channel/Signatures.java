package id.ugdkemiskinan.delivery.channel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 signatures as {@code sha256=<lowercase hex>}: the outgoing webhook's
 * {@code X-UGD-Signature} and Meta's {@code X-Hub-Signature-256}, always over the exact
 * bytes of the body.
 */
final class Signatures {

	private static final String PREFIX = "sha256=";

	private Signatures() {
	}

	/** {@code sha256=} and the lowercase hex HMAC-SHA256 of the body with the secret. */
	static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** Whether the header is the body's signature, compared in constant time. */
	static boolean verify(String secret, byte[] body, @Nullable String header) {
		if (header == null || secret.isEmpty()) {
			return false;
		}
		return equalsConstantTime(sign(secret, body), header.strip().toLowerCase(java.util.Locale.ROOT));
	}

	/** Compares two texts in time that does not depend on where they differ. */
	static boolean equalsConstantTime(@Nullable String expected, @Nullable String actual) {
		if (expected == null || actual == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}
