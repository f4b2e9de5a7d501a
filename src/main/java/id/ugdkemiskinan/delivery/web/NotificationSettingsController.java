package id.ugdkemiskinan.delivery.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import id.ugdkemiskinan.common.InvalidParameterException;
import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import id.ugdkemiskinan.users.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Notifikasi saya": which kinds of message a person gets by email and on WhatsApp, with
 * the contacts the admin set and the channels that are off.
 */
@Controller
@RequestMapping("/akun/notifikasi")
class NotificationSettingsController {

	private final Preferences preferences;

	private final ChannelStates channels;

	NotificationSettingsController(Preferences preferences, ChannelStates channels) {
		this.preferences = preferences;
		this.channels = channels;
	}

	@GetMapping
	String show(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("choices", this.preferences.choices(user.id(), user.role()));
		model.addAttribute("contacts", this.preferences.contacts(user.id()));
		List<ChannelStates.ChannelState> states = Preferences.PERSONAL.stream().map(this.channels::state).toList();
		model.addAttribute("channels", states);
		model.addAttribute("offKeys",
				states.stream().filter(c -> !c.active()).map(c -> "delivery.channel." + c.type()).toList());
		model.addAttribute("outboxKeys",
				states.stream()
					.filter(ChannelStates.ChannelState::toOutbox)
					.map(c -> "delivery.channel." + c.type())
					.toList());
		return "delivery/notification-settings";
	}

	@PostMapping
	String save(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = "on", required = false) @Nullable List<String> on, RedirectAttributes redirect) {
		List<DeliveryKind> kinds = DeliveryKind.forRole(user.role());
		Set<String> chosen = new LinkedHashSet<>();
		for (String value : (on == null) ? List.<String>of() : on) {
			String key = value.strip();
			if (key.length() > 60) {
				key = key.substring(0, 60) + "…";
			}
			if (!allowed(kinds, key)) {
				throw new InvalidParameterException("on", "delivery.preferences.invalid", key);
			}
			chosen.add(key);
		}
		this.preferences.save(user.id(), user.role(), chosen);
		redirect.addFlashAttribute("flashSuccess", "delivery.preferences.saved");
		return "redirect:/akun/notifikasi";
	}

	private static boolean allowed(List<DeliveryKind> kinds, String key) {
		for (DeliveryKind kind : kinds) {
			for (ChannelType channel : Preferences.PERSONAL) {
				if (Preferences.key(kind, channel).equals(key)) {
					return true;
				}
			}
		}
		return false;
	}

}
