package id.ugdkemiskinan.inbox.web;

import java.util.List;

import id.ugdkemiskinan.common.DemoMode;
import id.ugdkemiskinan.common.InvalidParameterException;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.delivery.ResidentMessages;
import id.ugdkemiskinan.inbox.InboxActions;
import id.ugdkemiskinan.inbox.InboxQueries;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import java.time.Clock;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Pesan masuk": the conversations in the user's inbox, one conversation with its
 * messages and photos, and what can be done with it. A conversation outside the user's
 * scope does not exist (404), whatever the URL.
 */
@Controller
class InboxController {

	static final int PAGE_SIZE = 25;

	static final int MAX_REASON = 500;

	static final int MAX_REPLY = 1000;

	private final InboxQueries queries;

	private final InboxActions actions;

	private final Regions regions;

	private final DemoMode demo;

	private final Clock clock;

	InboxController(InboxQueries queries, InboxActions actions, Regions regions, DemoMode demo, Clock clock) {
		this.queries = queries;
		this.actions = actions;
		this.regions = regions;
		this.demo = demo;
		this.clock = clock;
	}

	@GetMapping("/pesan-masuk")
	String listConversations(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String kotak,
			@RequestParam(required = false) @Nullable String page, HttpServletRequest request, Model model) {
		InboxQueries.Status state = Paging.option("status", status, InboxQueries.Status.class);
		InboxQueries.Box box = Paging.option("kotak", kotak, InboxQueries.Box.class);
		if (box == null) {
			box = InboxQueries.Box.SEKRETARIAT;
		}
		Paging paging = Paging.parse(page, PAGE_SIZE);
		InboxQueries.Page found = this.queries.list(user, box, state, (int) paging.offset(), paging.size());
		model.addAttribute("rows", found.rows());
		model.addAttribute("pager", Pager.of(request, paging, found.rows().size(), found.counted()));
		model.addAttribute("statuses", InboxQueries.Status.values());
		model.addAttribute("status", state);
		model.addAttribute("box", box);
		model.addAttribute("secretariat", user.role() == Role.SEKRETARIAT);
		model.addAttribute("demo", this.demo.enabled());
		return "inbox/list";
	}

	@GetMapping("/pesan-masuk/{id}")
	String showConversation(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
		return conversationPage(conversation(id, user), user, model);
	}

	@GetMapping("/pesan-masuk/{id}/media/{messageId}")
	ResponseEntity<byte[]> media(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@PathVariable String messageId) {
		InboxQueries.MediaContent media = this.queries.media(number("id", id), number("messageId", messageId), user)
			.orElseThrow(() -> new NotFoundException("no media " + messageId));
		boolean image = "image/jpeg".equals(media.contentType()) || "image/png".equals(media.contentType());
		String type = (image || "application/pdf".equals(media.contentType())) ? media.contentType()
				: MediaType.APPLICATION_OCTET_STREAM_VALUE;
		String name = (media.filename() == null) ? "whatsapp-" + messageId
				: media.filename().replaceAll("[^A-Za-z0-9._ -]", "_");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION, (image ? "inline" : "attachment") + "; filename=\"" + name + "\"")
			.body(media.content());
	}

	@PostMapping("/pesan-masuk/{id}/tautkan")
	String link(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestParam(required = false) @Nullable String version,
			@RequestParam(required = false) @Nullable String ticket, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		InboxQueries.Conversation conversation = conversation(id, user);
		long v = number("version", version);
		String typed = (ticket == null) ? "" : ticket.strip().toUpperCase(java.util.Locale.ROOT);
		if (typed.isEmpty() || typed.length() > 40) {
			return problem(conversation, user, model, response, "linkProblem",
					typed.isEmpty() ? "inbox.link.ticketRequired" : "inbox.link.ticketTooLong");
		}
		InboxActions.Outcome outcome = this.actions.link(conversation, v, typed, user);
		if (outcome == InboxActions.Outcome.UNKNOWN_CASE) {
			return problem(conversation, user, model, response, "linkProblem", "inbox.link.unknownCase");
		}
		return done(outcome, conversation, redirect, "inbox.linked");
	}

	@PostMapping("/pesan-masuk/{id}/tutup")
	String close(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestParam(required = false) @Nullable String version,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		InboxQueries.Conversation conversation = conversation(id, user);
		long v = number("version", version);
		String text = (reason == null) ? "" : reason.strip();
		if (text.isEmpty() || text.length() > MAX_REASON) {
			return problem(conversation, user, model, response, "closeProblem",
					text.isEmpty() ? "inbox.close.reasonRequired" : "inbox.close.reasonTooLong");
		}
		return done(this.actions.close(conversation, v, text, user), conversation, redirect, "inbox.closed");
	}

	@PostMapping("/pesan-masuk/{id}/teruskan")
	String forward(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestParam(required = false) @Nullable String version,
			@RequestParam(required = false) @Nullable String kecamatan, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		InboxQueries.Conversation conversation = conversation(id, user);
		if (user.role() != Role.SEKRETARIAT) {
			throw new NotFoundException("forwarding is the secretariat's");
		}
		long v = number("version", version);
		String code = (kecamatan == null) ? "" : kecamatan.strip();
		if (code.isEmpty() || code.length() > 8) {
			return problem(conversation, user, model, response, "forwardProblem", "inbox.forward.kecamatanRequired");
		}
		InboxActions.Outcome outcome = this.actions.forward(conversation, v, code, user);
		if (outcome == InboxActions.Outcome.UNKNOWN_KECAMATAN) {
			return problem(conversation, user, model, response, "forwardProblem", "inbox.forward.kecamatanRequired");
		}
		return done(outcome, conversation, redirect, "inbox.forwarded");
	}

	@PostMapping("/pesan-masuk/{id}/balas")
	String reply(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestParam(required = false) @Nullable String text, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		InboxQueries.Conversation conversation = conversation(id, user);
		String reply = (text == null) ? "" : text.strip();
		if (reply.isEmpty() || reply.length() > MAX_REPLY) {
			return problem(conversation, user, model, response, "replyProblem",
					reply.isEmpty() ? "inbox.reply.textRequired" : "inbox.reply.textTooLong");
		}
		this.actions.reply(conversation, reply, user);
		redirect.addFlashAttribute("flashSuccess", "inbox.replied");
		return "redirect:/pesan-masuk/" + conversation.id();
	}

	private String done(InboxActions.Outcome outcome, InboxQueries.Conversation conversation,
			RedirectAttributes redirect, String success) {
		if (outcome == InboxActions.Outcome.DONE) {
			redirect.addFlashAttribute("flashSuccess", success);
		}
		else {
			redirect.addFlashAttribute("flashError", "inbox.changed");
		}
		return "redirect:/pesan-masuk/" + conversation.id();
	}

	private String problem(InboxQueries.Conversation conversation, CurrentUser user, Model model,
			HttpServletResponse response, String field, String key) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute(field, key);
		return conversationPage(conversation, user, model);
	}

	private String conversationPage(InboxQueries.Conversation conversation, CurrentUser user, Model model) {
		List<InboxQueries.Message> messages = this.queries.messages(conversation.id());
		model.addAttribute("conversation", conversation);
		model.addAttribute("messages", messages);
		model.addAttribute("insideWindow",
				ResidentMessages.insideServiceWindow(conversation.lastIncomingAt(), this.clock.instant()));
		model.addAttribute("secretariat", user.role() == Role.SEKRETARIAT);
		model.addAttribute("mayFile", conversation.open() && user.role() == Role.OPERATOR_UPT);
		model.addAttribute("kecamatanList", this.regions.kecamatan());
		model.addAttribute("newAfterCase", conversation.handledAt() != null
				&& messages.stream().anyMatch((m) -> m.incoming() && m.occurredAt().isAfter(conversation.handledAt())));
		return "inbox/conversation";
	}

	private InboxQueries.Conversation conversation(String id, CurrentUser user) {
		return this.queries.conversation(number("id", id), user)
			.orElseThrow(() -> new NotFoundException("no conversation " + id));
	}

	static long number(String name, @Nullable String value) {
		if (value == null || !value.matches("[0-9]{1,18}")) {
			throw new InvalidParameterException(name, "param.number", String.valueOf(value), 0, Long.MAX_VALUE);
		}
		return Long.parseLong(value);
	}

}
