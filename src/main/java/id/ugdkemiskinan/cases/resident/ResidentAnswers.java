package id.ugdkemiskinan.cases.resident;

import id.ugdkemiskinan.cases.ResidentFeedback;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The resident's answers to "sudah tertangani?", from the status page and from WhatsApp.
 */
@Component
class ResidentAnswers implements ResidentFeedback {

	@Override
	public Outcome answerFromWhatsApp(String ticket, String phone, boolean resolved, @Nullable String text) {
		// TODO(issue 16, portal): record the answer and reopen on "Belum".
		throw new UnsupportedOperationException("not yet");
	}

}
