package id.ugdkemiskinan.cases.web;

import id.ugdkemiskinan.cases.intake.FileCaseForm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.core.ResolvableType;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.ServletRequestDataBinder;

/**
 * The filing form's browser side: where its draft is kept, and the form shown again after
 * a value it could not read.
 */
final class FilingForms {

	private FilingForms() {
	}

	/**
	 * The form bound again from the request, leaving out the fields whose values could
	 * not be read.
	 */
	static FileCaseForm rebindWithout(HttpServletRequest request, BindingResult failed) {
		ServletRequestDataBinder binder = new ServletRequestDataBinder(null, "form");
		binder.setTargetType(ResolvableType.forClass(FileCaseForm.class));
		binder.setDisallowedFields(failed.getFieldErrors()
			.stream()
			.filter(FieldError::isBindingFailure)
			.map(FieldError::getField)
			.toArray(String[]::new));
		binder.construct(request);
		Object target = binder.getTarget();
		return target instanceof FileCaseForm refilled ? refilled : FileCaseForm.empty();
	}

	/**
	 * A value no form of ours sends (a checkbox "maybe") is refused by name, never taken
	 * as quietly false: the form comes back with everything else that was typed and says
	 * which field it could not read. Returns whether there was such a value (then 400).
	 */
	static boolean refillUnreadable(BindingResult result, Model model, HttpServletRequest request) {
		FieldError unreadable = result.getFieldErrors()
			.stream()
			.filter(FieldError::isBindingFailure)
			.findFirst()
			.orElse(null);
		if (unreadable == null) {
			return false;
		}
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
		model.addAttribute("form", rebindWithout(request, result));
		model.addAttribute("submissionProblem", "case.form.unreadableValue");
		model.addAttribute("submissionTicket", unreadable.getField());
		return true;
	}

	/**
	 * Where the browser keeps this user's unsent filing form (localStorage): one key per
	 * user, from a hash of the user name, so that two operators sharing a device never
	 * see each other's drafts.
	 */
	static String draftKey(CurrentUser user) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(user.username().getBytes(StandardCharsets.UTF_8));
			return "ugd-draft-filing-" + HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always there", ex);
		}
	}

}
