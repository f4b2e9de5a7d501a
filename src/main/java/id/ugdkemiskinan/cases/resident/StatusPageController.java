package id.ugdkemiskinan.cases.resident;

import id.ugdkemiskinan.cases.ResidentFeedback.Outcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import id.ugdkemiskinan.cases.domain.AccessCodes;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident's status page, without login: the form (ticket and access code; the
 * receipt's QR code opens it with the ticket filled in), the status once the code was
 * right, the answer to "sudah tertangani?" and stopping the updates. Which tickets this
 * visitor unlocked is kept in the session (never the code in a URL); a wrong ticket and a
 * wrong code answer the same, and the slow-down ({@link StatusCheckThrottle}) holds back
 * guessing.
 */
@Controller
@RequestMapping("/cek")
class StatusPageController {

	/** The session attribute: the tickets this visitor unlocked. */
	static final String UNLOCKED = StatusPageController.class.getName() + ".unlocked";

	/** At most this many tickets are remembered per session (the oldest go). */
	static final int MAX_UNLOCKED = 20;

	static final int MAX_TICKET = 40;

	static final int MAX_CODE = 40;

	static final int MIN_REASON = 10;

	private static final Pattern TICKET = Pattern.compile("[A-Z0-9-]+");

	private static final Pattern CODE = Pattern.compile("[A-Z0-9]+");

	private final StatusCheck check;

	private final ResidentStatusQuery query;

	private final ResidentAnswers answers;

	private final Clock clock;

	StatusPageController(StatusCheck check, ResidentStatusQuery query, ResidentAnswers answers, Clock clock) {
		this.check = check;
		this.query = query;
		this.answers = answers;
		this.clock = clock;
	}

	@GetMapping
	String showForm(Model model) {
		model.addAttribute("ticket", "");
		return "resident/check";
	}

	/** What the receipt's QR code opens: the form with the ticket filled in. */
	@GetMapping("/{ticket}")
	String showFormForTicket(@PathVariable String ticket, Model model, HttpServletResponse response) {
		String normalized = normalizeTicket(ticket);
		String problem = ticketProblem(normalized);
		if (problem != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("ticket", "");
			model.addAttribute("errors", Map.of("ticket", problem));
			return "resident/check";
		}
		model.addAttribute("ticket", normalized);
		return "resident/check";
	}

	@PostMapping
	String checkCode(@RequestParam(required = false) @Nullable String ticket,
			@RequestParam(required = false) @Nullable String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String normalized = normalizeTicket(ticket);
		Map<String, String> errors = new LinkedHashMap<>();
		String ticketProblem = ticketProblem(normalized);
		if (ticketProblem != null) {
			errors.put("ticket", ticketProblem);
		}
		String typedCode = AccessCodes.normalize(code);
		if (typedCode.isEmpty()) {
			errors.put("code", "resident.code.required");
		}
		else if (code != null && code.length() > MAX_CODE) {
			errors.put("code", "resident.code.tooLong");
		}
		else if (!CODE.matcher(typedCode).matches()) {
			errors.put("code", "resident.code.characters");
		}
		model.addAttribute("ticket", ticketProblem == null ? normalized : "");
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("errors", errors);
			return "resident/check";
		}
		StatusCheck.Result result = this.check.check(StatusCheckThrottle.source(request.getRemoteAddr()), normalized,
				typedCode);
		switch (result.outcome()) {
			case UNLOCKED:
				unlock(request.getSession(), normalized);
				// What the session may see has grown: a new id, as at login.
				request.changeSessionId();
				return "redirect:/cek/" + normalized + "/status";
			case SLOWED_DOWN:
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader("Retry-After", String.valueOf(result.waitSeconds()));
				model.addAttribute("waitSeconds", result.waitSeconds());
				return "resident/check";
			default:
				model.addAttribute("noMatch", true);
				return "resident/check";
		}
	}

	@GetMapping("/{ticket}/status")
	String showStatus(@PathVariable String ticket, HttpServletRequest request, Model model) {
		String normalized = normalizeTicket(ticket);
		if (!unlocked(request, normalized)) {
			return redirectToForm(normalized);
		}
		Optional<ResidentStatus> status = this.query.find(normalized);
		if (status.isEmpty()) {
			return redirectToForm(normalized);
		}
		model.addAttribute("s", status.get());
		model.addAttribute("now", this.clock.instant());
		return "resident/status";
	}

	/**
	 * "Sudah" (a rating 1–5, a comment if any) or "Belum tertangani" (a reason): a field
	 * problem shows the status page again with its message (400); nothing of it is kept.
	 */
	@PostMapping("/{ticket}/jawaban")
	String answer(@PathVariable String ticket, @RequestParam(required = false) @Nullable String answer,
			@RequestParam(required = false) @Nullable String rating,
			@RequestParam(required = false) @Nullable String comment,
			@RequestParam(required = false) @Nullable String reason, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		String normalized = normalizeTicket(ticket);
		if (!unlocked(request, normalized)) {
			return redirectToForm(normalized);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Integer stars = null;
		String text = null;
		boolean resolved = "SUDAH".equals(answer);
		if (resolved) {
			stars = rating(rating);
			if (stars == null) {
				errors.put("rating", "resident.answer.rating.required");
			}
			text = comment == null || comment.isBlank() ? null : comment.strip();
			if (text != null && text.length() > ResidentAnswers.MAX_TEXT) {
				errors.put("comment", "resident.answer.tooLong");
			}
		}
		else if ("BELUM".equals(answer)) {
			text = reason == null ? "" : reason.strip();
			if (text.length() < MIN_REASON) {
				errors.put("reason", "resident.answer.reason.short");
			}
			else if (text.length() > ResidentAnswers.MAX_TEXT) {
				errors.put("reason", "resident.answer.tooLong");
			}
		}
		else {
			errors.put("answer", "resident.answer.required");
		}
		if (!errors.isEmpty()) {
			Optional<ResidentStatus> status = this.query.find(normalized);
			if (status.isEmpty()) {
				return redirectToForm(normalized);
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("s", status.get());
			model.addAttribute("now", this.clock.instant());
			model.addAttribute("errors", errors);
			model.addAttribute("typedAnswer", answer);
			model.addAttribute("typedComment", comment);
			model.addAttribute("typedReason", reason);
			return "resident/status";
		}
		Outcome outcome = this.answers.answerOnStatusPage(normalized, resolved, stars, text);
		switch (outcome) {
			case RECORDED:
				redirect.addFlashAttribute("flashSuccess",
						resolved ? "resident.answer.recorded.sudah" : "resident.answer.recorded.belum");
				break;
			case ALREADY_ANSWERED:
				redirect.addFlashAttribute("flashError", "resident.answer.already");
				break;
			default:
				redirect.addFlashAttribute("flashError", "resident.answer.notAsked");
		}
		return "redirect:/cek/" + normalized + "/status";
	}

	@PostMapping("/{ticket}/berhenti-kabar")
	String stopUpdates(@PathVariable String ticket, HttpServletRequest request, RedirectAttributes redirect) {
		String normalized = normalizeTicket(ticket);
		if (!unlocked(request, normalized)) {
			return redirectToForm(normalized);
		}
		boolean withdrawn = this.answers.withdrawConsent(normalized);
		redirect.addFlashAttribute(withdrawn ? "flashSuccess" : "flashError",
				withdrawn ? "resident.consent.withdrawn" : "resident.consent.none");
		return "redirect:/cek/" + normalized + "/status";
	}

	static String normalizeTicket(@Nullable String typed) {
		return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
	}

	/** The key of what is wrong with a typed ticket, or {@code null}. */
	static @Nullable String ticketProblem(String normalized) {
		if (normalized.isEmpty()) {
			return "resident.ticket.required";
		}
		if (normalized.length() > MAX_TICKET) {
			return "resident.ticket.tooLong";
		}
		if (!TICKET.matcher(normalized).matches()) {
			return "resident.ticket.characters";
		}
		return null;
	}

	private static @Nullable Integer rating(@Nullable String typed) {
		if (typed == null || !typed.strip().matches("[1-5]")) {
			return null;
		}
		return Integer.valueOf(typed.strip());
	}

	private static String redirectToForm(String ticket) {
		return ticketProblem(ticket) == null ? "redirect:/cek/" + ticket : "redirect:/cek";
	}

	private static boolean unlocked(HttpServletRequest request, String ticket) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(UNLOCKED) instanceof List<?> tickets && tickets.contains(ticket);
	}

	/**
	 * Remembers the ticket in the session (a plain list of strings: what the JDBC session
	 * stores reads back after any redeploy), the newest last, at most
	 * {@link #MAX_UNLOCKED}.
	 */
	private static void unlock(HttpSession session, String ticket) {
		ArrayList<String> tickets = new ArrayList<>();
		if (session.getAttribute(UNLOCKED) instanceof List<?> known) {
			known.forEach(t -> tickets.add(String.valueOf(t)));
		}
		tickets.remove(ticket);
		tickets.add(ticket);
		while (tickets.size() > MAX_UNLOCKED) {
			tickets.remove(0);
		}
		// Set again, so that the JDBC session saves the change.
		session.setAttribute(UNLOCKED, tickets);
	}

}
