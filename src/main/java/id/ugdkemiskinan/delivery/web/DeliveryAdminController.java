package id.ugdkemiskinan.delivery.web;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.common.EmailAddresses;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.common.PhoneNumbers;
import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import id.ugdkemiskinan.users.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's delivery pages: the channels, the duty contacts of the dinas, the delivery
 * log (with "Kirim ulang" for a failed delivery) and the demo's Kotak keluar.
 */
@Controller
@RequestMapping("/admin/pengiriman")
class DeliveryAdminController {

	/** Rows on one page of the log and of the Kotak keluar. */
	static final int PAGE_SIZE = 50;

	private final ChannelStates channels;

	private final DutyContacts dutyContacts;

	private final DeliveryLog log;

	private final Agencies agencies;

	private final TimeProperties time;

	DeliveryAdminController(ChannelStates channels, DutyContacts dutyContacts, DeliveryLog log, Agencies agencies,
			TimeProperties time) {
		this.channels = channels;
		this.dutyContacts = dutyContacts;
		this.log = log;
		this.agencies = agencies;
		this.time = time;
	}

	@GetMapping
	String channels(Model model) {
		model.addAttribute("channels", this.channels.all());
		model.addAttribute("tab", "channels");
		return "delivery/admin-channels";
	}

	@GetMapping("/kontak-piket")
	String dutyContacts(Model model) {
		return dutyContactsPage(model, null, Map.of(), Map.of());
	}

	/** Where a refused form was answered: reloading it shows the list again. */
	@GetMapping("/kontak-piket/{dinas}")
	String dutyContactsAgain() {
		return "redirect:/admin/pengiriman/kontak-piket";
	}

	@PostMapping("/kontak-piket/{dinas}")
	String saveDutyContact(@PathVariable String dinas, @RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String phone, @AuthenticationPrincipal CurrentUser admin,
			Model model, RedirectAttributes redirect) {
		String code = this.agencies.dinas(dinas).orElseThrow(() -> new NotFoundException("No dinas " + dinas)).code();
		Optional<String> checkedEmail = EmailAddresses.normalize(email);
		Optional<String> checkedPhone = PhoneNumbers.normalizeMobile(phone);
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (hasText(email) && checkedEmail.isEmpty()) {
			errors.put("email", "user.email.invalid");
		}
		if (hasText(phone) && checkedPhone.isEmpty()) {
			errors.put("phone", "user.phone.invalid");
		}
		if (!errors.isEmpty()) {
			Map<String, String> typed = new java.util.HashMap<>();
			typed.put("email", (email != null) ? email : "");
			typed.put("phone", (phone != null) ? phone : "");
			return dutyContactsPage(model, code, errors, typed);
		}
		this.dutyContacts.save(code, checkedEmail.orElse(null), checkedPhone.orElse(null), admin.id());
		redirect.addFlashAttribute("flashSuccess",
				(checkedEmail.isEmpty() && checkedPhone.isEmpty()) ? "delivery.duty.removed" : "delivery.duty.saved");
		return "redirect:/admin/pengiriman/kontak-piket";
	}

	private String dutyContactsPage(Model model, @Nullable String editing, Map<String, String> errors,
			Map<String, String> typed) {
		model.addAttribute("contacts", this.dutyContacts.all());
		model.addAttribute("editing", editing);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("tab", "duty");
		return "delivery/admin-duty-contacts";
	}

	@GetMapping("/log")
	String log(@ModelAttribute LogParams params, HttpServletRequest request, Model model) {
		DeliveryLog.Filter filter = params.filter(this.time.zone());
		Paging paging = params.paging(PAGE_SIZE);
		DeliveryLog.Page page = this.log.log(filter, paging);
		model.addAttribute("params", params);
		model.addAttribute("filter", filter);
		model.addAttribute("rows", page.rows());
		model.addAttribute("pager", Pager.of(request, paging, page.rows().size(), page.counted()));
		model.addAttribute("channelTypes", ChannelType.values());
		model.addAttribute("statuses", DeliveryStatus.values());
		model.addAttribute("kinds", DeliveryKind.messageKinds());
		model.addAttribute("tab", "log");
		return "delivery/admin-log";
	}

	@PostMapping("/log/{id}/kirim-ulang")
	String retry(@PathVariable long id, @ModelAttribute LogParams params, RedirectAttributes redirect) {
		params.filter(this.time.zone());
		params.paging(PAGE_SIZE);
		switch (this.log.retry(id)) {
			case DONE -> redirect.addFlashAttribute("flashSuccess", "delivery.retry.done");
			case NOT_FAILED -> redirect.addFlashAttribute("flashError", "delivery.retry.notFailed");
			case UNKNOWN -> throw new NotFoundException("No delivery " + id);
		}
		return "redirect:" + params.href();
	}

	@GetMapping("/kotak-keluar")
	String outbox(@RequestParam(required = false) @Nullable String page, HttpServletRequest request, Model model) {
		Paging paging = Paging.parse(page, PAGE_SIZE);
		DeliveryLog.Page rows = this.log.outbox(paging);
		model.addAttribute("rows", rows.rows());
		model.addAttribute("pager", Pager.of(request, paging, rows.rows().size(), rows.counted()));
		model.addAttribute("tab", "outbox");
		return "delivery/admin-outbox";
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
