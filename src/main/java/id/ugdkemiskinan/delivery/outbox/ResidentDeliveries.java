package id.ugdkemiskinan.delivery.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.ugdkemiskinan.cases.AssignmentResponded;
import id.ugdkemiskinan.cases.CaseAwaitingConfirmation;
import id.ugdkemiskinan.cases.CaseClosed;
import id.ugdkemiskinan.cases.CaseFacts;
import id.ugdkemiskinan.cases.CaseFacts.ResidentAssignment;
import id.ugdkemiskinan.cases.CaseFacts.ResidentContact;
import id.ugdkemiskinan.cases.CaseFiled;
import id.ugdkemiskinan.cases.ReceiptIssued;
import id.ugdkemiskinan.common.Formats;
import id.ugdkemiskinan.common.Locales;
import id.ugdkemiskinan.delivery.DeliveryKind;
import id.ugdkemiskinan.delivery.DeliveryProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns cases' events into updates to the resident, when the resident agreed to them (a
 * {@code resident_consent} of the case not withdrawn; its phone): the receipt at filing
 * (and again when the operator sends it by WhatsApp), the first response of each dinas,
 * the question "sudah tertangani?" once every assignment ended, and the closing. One row
 * per event (per case and dinas for the first response) under a unique key, so that a
 * listener run twice writes nothing twice. A message carries the ticket, the access code
 * (the receipt only), dinas names, times and the status page's link: never the resident's
 * name, NIK or address.
 */
@Component
class ResidentDeliveries {

	private final ResidentOutbox outbox;

	private final CaseFacts facts;

	private final Formats formats;

	private final DeliveryProperties properties;

	private final MessageSource messages;

	ResidentDeliveries(ResidentOutbox outbox, CaseFacts facts, Formats formats, DeliveryProperties properties,
			MessageSource messages) {
		this.outbox = outbox;
		this.facts = facts;
		this.formats = formats;
		this.properties = properties;
		this.messages = messages;
	}

	/** The receipt, right after filing. */
	@ApplicationModuleListener
	void on(CaseFiled filed) {
		receipt(filed.eventId(), filed.caseId(), filed.filedAt());
	}

	/** The operator sends the receipt (again) to the resident's WhatsApp. */
	@ApplicationModuleListener
	void on(ReceiptIssued issued) {
		if ("WHATSAPP".equals(issued.medium())) {
			receipt(issued.eventId(), issued.caseId(), issued.occurredAt());
		}
	}

	/** A dinas responded: the resident hears of each dinas's first response once. */
	@ApplicationModuleListener
	void on(AssignmentResponded responded) {
		contact(responded.caseId()).ifPresent((contact) -> {
			Map<String, Object> params = params(contact);
			String dinas = contact.assignments()
				.stream()
				.filter((a) -> a.assignmentId() == responded.assignmentId())
				.map(ResidentAssignment::dinasName)
				.findFirst()
				.orElse(responded.dinasCode());
			params.put("dinas", dinas);
			params.put("respondedAt", this.formats.zonedDateTime(responded.occurredAt()));
			params.put("link", this.properties.statusLink());
			this.outbox.update("c" + contact.caseId() + ":responded:" + responded.dinasCode(),
					DeliveryKind.RESIDENT_RESPONDED, contact.phone(), responded.eventId(), contact.caseId(), params,
					responded.occurredAt());
		});
	}

	/** Every assignment ended: "sudah tertangani?" with the answers as quick replies. */
	@ApplicationModuleListener
	void on(CaseAwaitingConfirmation awaiting) {
		caseEvent(DeliveryKind.RESIDENT_RESOLVED, awaiting.eventId(), awaiting.caseId(), awaiting.occurredAt());
	}

	/** The UPT closed the case. */
	@ApplicationModuleListener
	void on(CaseClosed closed) {
		caseEvent(DeliveryKind.RESIDENT_CLOSED, closed.eventId(), closed.caseId(), closed.occurredAt());
	}

	private void receipt(long eventId, long caseId, Instant now) {
		contact(caseId).ifPresent((contact) -> {
			Map<String, Object> params = params(contact);
			params.put("accessCode", contact.accessCode());
			params.put("filedAt", this.formats.zonedDateTime(contact.filedAt()));
			params.put("dinasDue", dinasDue(contact));
			params.put("link", this.properties.statusLink());
			this.outbox.update("e" + eventId, DeliveryKind.RESIDENT_RECEIPT, contact.phone(), eventId, caseId, params,
					now);
		});
	}

	private void caseEvent(DeliveryKind kind, long eventId, long caseId, Instant now) {
		contact(caseId).ifPresent((contact) -> {
			Map<String, Object> params = params(contact);
			params.put("link", this.properties.statusLink());
			this.outbox.update("e" + eventId, kind, contact.phone(), eventId, caseId, params, now);
		});
	}

	private Optional<ResidentContact> contact(long caseId) {
		return this.facts.residentContact(caseId);
	}

	/**
	 * "Dinas Sosial (respon sebelum 1 Des 2026 18.30 WIB); ..." of the open assignments.
	 */
	private String dinasDue(ResidentContact contact) {
		List<String> lines = new ArrayList<>();
		for (ResidentAssignment assignment : contact.assignments()) {
			if (isOpen(assignment.status())) {
				lines.add(assignment.dueInWorkingHours()
						? this.messages.getMessage("residentmsg.dinasDue.workingHours",
								new Object[] { assignment.dinasName(),
										this.formats.zonedWeekdayDateTime(assignment.dueAt()) },
								Locales.INDONESIAN)
						: this.messages.getMessage("residentmsg.dinasDue",
								new Object[] { assignment.dinasName(), this.formats.zonedDateTime(assignment.dueAt()) },
								Locales.INDONESIAN));
			}
		}
		return String.join("; ", lines);
	}

	private static boolean isOpen(@Nullable String status) {
		return "MENUNGGU_RESPON".equals(status) || "DIRESPON".equals(status);
	}

	private static Map<String, Object> params(ResidentContact contact) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("ticket", contact.ticket());
		return params;
	}

}
