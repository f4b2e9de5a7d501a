package id.ugdkemiskinan.cases.intake;

import java.util.UUID;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One submission of a case: its key (the form's token or the API's
 * {@code Idempotency-Key}, with a prefix saying which) and a SHA-256 hash of what it
 * asked to file. The same key with the same content leads to the case it filed; with
 * other content it is refused ({@link SubmissionReusedException}), never silently
 * dropped. The hash covers the typed fields, not the attachments (a form shown again asks
 * for them to be chosen again).
 */
public record Submission(String key, String contentHash) {

	/** The length of {@code case_file.idempotency_key}. */
	static final int MAX_KEY = 100;

	public static final String FORM_PREFIX = "form:";

	public static final String API_PREFIX = "api:";

	/**
	 * @param key the client's key, or {@code null} for a submission without one
	 * @throws SubmissionKeyTooLongException when the key does not fit its column
	 */
	/**
	 * A submission of the filing form: its token, or a fresh one when the form came
	 * without (an old page, a client of its own), so that it still files once.
	 */
	public static Submission ofForm(String token, FileCaseCommand command) {
		return of(FORM_PREFIX, token == null || token.isBlank() ? UUID.randomUUID().toString() : token, command);
	}

	public static Submission of(String prefix, String key, FileCaseCommand command) {
		String hash = hash(command);
		if (key == null || key.isBlank()) {
			return new Submission(null, hash);
		}
		String full = prefix + key.trim();
		if (full.length() > MAX_KEY) {
			throw new SubmissionKeyTooLongException(MAX_KEY - prefix.length());
		}
		return new Submission(full, hash);
	}

	/**
	 * Whether an earlier filing's stored hash is this content (cases filed before hashes
	 * were kept count as same).
	 */
	boolean sameContentAs(String storedHash) {
		return storedHash == null || storedHash.equals(this.contentHash);
	}

	static String hash(FileCaseCommand c) {
		List<String> parts = new ArrayList<>();
		for (Object value : new Object[] { c.desaCode(), c.address(), c.rt(), c.rw(), c.latitude(), c.longitude(),
				c.channel(), sorted(c.categories()), c.description(), c.beneficiaryName(), c.nik(), c.nikUnknown(),
				c.nikUnknownReason(), c.kk(), c.beneficiaryPhone(), c.reporterName(), c.reporterPhone(),
				c.reporterRelation(), c.reporterConfidential(), sorted(c.vulnerabilities()) }) {
			parts.add(value == null ? "" : value.toString().strip());
		}
		// Consent counts only when given, so that the hashes of earlier filings stay.
		if (c.residentConsent()) {
			parts.add("residentConsent");
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of()
				.formatHex(digest.digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always there", ex);
		}
	}

	private static String sorted(List<String> values) {
		return String.join(",", values.stream().map(v -> v == null ? "" : v.strip()).sorted().toList());
	}

}
