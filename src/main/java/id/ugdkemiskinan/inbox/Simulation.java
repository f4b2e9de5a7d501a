package id.ugdkemiskinan.inbox;

import java.time.Clock;
import java.util.UUID;

import id.ugdkemiskinan.delivery.WhatsAppMessageReceived;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Simulasi WhatsApp" (demo mode): a message as a resident would send it, through the
 * same store as the webhook's, with a wamid {@code sim-<uuid>} and a photo READY at once.
 * The business number is {@code simulasi:<kecamatan>} or {@code simulasi:sekretariat}.
 */
@Component
public class Simulation {

	private final IntakeStore store;

	private final Clock clock;

	Simulation(IntakeStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** Stores the message; answers its conversation's id. */
	@Transactional
	public long send(String phone, @Nullable String name, @Nullable String text, byte @Nullable [] photo,
			@Nullable String photoType, @Nullable String kecamatanCode) {
		String wamid = "sim-" + UUID.randomUUID();
		String number = "simulasi:" + ((kecamatanCode == null) ? "sekretariat" : kecamatanCode);
		WhatsAppMessageReceived message = new WhatsAppMessageReceived(wamid, number, phone, name,
				(photo != null) ? "image" : "text", text, (photo != null) ? wamid : null, photoType,
				(photo != null) ? ("image/png".equals(photoType) ? "foto.png" : "foto.jpg") : null, null,
				this.clock.instant());
		long messageId = this.store.store(message, kecamatanCode, photo).orElseThrow();
		return this.store.conversationOf(messageId);
	}

}
