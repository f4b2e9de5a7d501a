package id.ugdkemiskinan.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where Debian puts Chromium and chromedriver (override with -Dugd.browser.chromium /
 * -Dugd.browser.chromedriver).
 */
final class Chromium {

	static final Path BINARY = Path.of(System.getProperty("ugd.browser.chromium", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getProperty("ugd.browser.chromedriver", "/usr/bin/chromedriver"));

	static final String INSTALL = "install with: apt-get update && apt-get install -y chromium chromium-driver";

	private Chromium() {
	}

	/** Why the browser cannot start here, or null when both binaries are there. */
	static String missing() {
		if (!Files.isExecutable(BINARY)) {
			return "Chromium not found at " + BINARY + " — " + INSTALL;
		}
		if (!Files.isExecutable(DRIVER)) {
			return "chromedriver not found at " + DRIVER + " — " + INSTALL;
		}
		return null;
	}

	/**
	 * Skips the browser tests with the reason when Chromium is missing, except on CI,
	 * where they then fail.
	 */
	static class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String missing = missing();
			if (missing == null) {
				return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
			}
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				return ConditionEvaluationResult
					.enabled("CI runs the browser tests even so (they will fail): " + missing);
			}
			String reason = "Browser tests skipped: " + missing;
			if (context.getTestMethod().isEmpty()) {
				System.err.println("[WARNING] " + reason);
			}
			return ConditionEvaluationResult.disabled(reason);
		}

	}

}
