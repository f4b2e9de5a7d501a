package id.ugdkemiskinan.delivery.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.DinasRef;
import id.ugdkemiskinan.cases.AssignmentReturned;
import id.ugdkemiskinan.cases.AssignmentRouted;
import id.ugdkemiskinan.cases.AssignmentsFlagged;
import id.ugdkemiskinan.cases.AssignmentsFlagged.Flagged;
import id.ugdkemiskinan.cases.CaseAwaitingConfirmation;
import id.ugdkemiskinan.cases.CaseFacts;
import id.ugdkemiskinan.cases.CaseFacts.AssignmentFact;
import id.ugdkemiskinan.cases.CaseFacts.CaseFact;
import id.ugdkemiskinan.cases.CaseRejected;
import id.ugdkemiskinan.cases.ResidentAnswered;
import id.ugdkemiskinan.common.Formats;
import id.ugdkemiskinan.delivery.DeliveryKind;
import id.ugdkemiskinan.delivery.DeliveryProperties;
import id.ugdkemiskinan.delivery.outbox.Outbox.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns cases' events into deliveries. Each listener runs after the event's transaction
 * committed, in its own transaction, through Spring Modulith's publication registry: an
 * event whose listener did not complete (the app died) is published again on restart, and
 * the outbox's unique keys make that second run write nothing twice. The facts a message
 * carries (kecamatan, categories, dinas, due time, with their names) are read in one
 * statement per event or sweep batch.
 */
@Component
class EventDeliveries {

	private final Outbox outbox;

	private final CaseFacts facts;

	private final Agencies agencies;

	private final Formats formats;

	private final DeliveryProperties properties;

	EventDeliveries(Outbox outbox, CaseFacts facts, Agencies agencies, Formats formats, DeliveryProperties properties) {
		this.outbox = outbox;
		this.facts = facts;
		this.agencies = agencies;
		this.formats = formats;
		this.properties = properties;
	}

	/** A new assignment: the dinas hears of it, the secretariat of its triage. */
	@ApplicationModuleListener
	void on(AssignmentRouted routed) {
		assignments(null, List.of(new Flagged(routed.eventId(), routed.caseId(), routed.ticket(), routed.assignmentId(),
				routed.dinasCode(), routed.occurredAt())), routed.occurredAt());
	}

	/** One batch of the SLA sweep (up to 500), in one statement. */
	@ApplicationModuleListener
	void on(AssignmentsFlagged flagged) {
		if (flagged.flag() == AssignmentsFlagged.Flag.ESCALATION_AT_RISK) {
			return; // the warning before an escalation level is in the bell only
		}
		assignments(DeliveryKind.valueOf(flagged.flag().name()), flagged.assignments(), flagged.detectedAt());
	}

	/** "Bukan kewenangan kami": the secretariat hears of every return. */
	@ApplicationModuleListener
	void on(AssignmentReturned returned) {
		assignments(DeliveryKind.RETURNED, List.of(new Flagged(returned.eventId(), returned.caseId(), returned.ticket(),
				returned.assignmentId(), returned.dinasCode(), returned.occurredAt())), returned.occurredAt());
	}

	/** Every assignment ended: the UPT is to call the resident. */
	@ApplicationModuleListener
	void on(CaseAwaitingConfirmation awaiting) {
		kase(DeliveryKind.AWAITING_CONFIRMATION, awaiting.eventId(), awaiting.caseId(), awaiting.dinasCode(),
				awaiting.occurredAt());
	}

	/** The secretariat rejected the case: the UPT is to tell the resident. */
	@ApplicationModuleListener
	void on(CaseRejected rejected) {
		kase(DeliveryKind.CASE_REJECTED, rejected.eventId(), rejected.caseId(), null, rejected.occurredAt());
	}

	/**
	 * The resident said "belum tertangani": the secretariat and the kecamatan's UPT hear
	 * of the reopening (the new triage assignment is a TRIAGE message of its own).
	 */
	@ApplicationModuleListener
	void on(ResidentAnswered answered) {
		if (!answered.resolved()) {
			kase(DeliveryKind.RESIDENT_REOPENED, answered.eventId(), answered.caseId(), null, answered.occurredAt());
		}
	}

	/**
	 * @param kind the events' kind; {@code null} for new assignments, which are the
	 * secretariat's triage when routed to it
	 */
	private void assignments(@Nullable DeliveryKind kind, List<Flagged> events, Instant now) {
		Map<Long, AssignmentFact> known = this.facts.assignments(events.stream().map(Flagged::assignmentId).toList())
			.stream()
			.collect(Collectors.toMap(AssignmentFact::assignmentId, Function.identity()));
		Map<DeliveryKind, List<Subject>> subjects = new EnumMap<>(DeliveryKind.class);
		for (Flagged event : events) {
			AssignmentFact fact = known.get(event.assignmentId());
			if (fact != null) {
				Map<String, Object> params = params(fact.kase());
				params.put("dinas", fact.dinasName());
				// On a working-hours calendar the due time often falls on another day:
				// with its weekday, and the text says it counts open hours.
				params.put("dueAt", fact.dueInWorkingHours() ? this.formats.zonedWeekdayDateTime(fact.dueAt())
						: this.formats.zonedDateTime(fact.dueAt()));
				if (fact.dueInWorkingHours()) {
					params.put("dueInWorkingHours", "true");
				}
				params.put("dueAtIso", fact.dueAt().toString());
				if (event.escalationLevel() != null) {
					params.put("escalationLevel", event.escalationLevel());
				}
				DeliveryKind of = (kind != null) ? kind
						: fact.secretariat() ? DeliveryKind.TRIAGE : DeliveryKind.NEW_ASSIGNMENT;
				subjects.computeIfAbsent(of, (k) -> new ArrayList<>())
					.add(new Subject("e" + event.eventId(), event.eventId(), event.caseId(), event.assignmentId(),
							event.ticket(), event.dinasCode(), fact.kase().kecamatanCode(), darurat(fact.kase()),
							params));
			}
		}
		subjects.forEach((of, list) -> this.outbox.enqueue(of, list, now));
	}

	private void kase(DeliveryKind kind, long eventId, long caseId, @Nullable String dinasCode, Instant now) {
		List<Subject> subjects = this.facts.cases(List.of(caseId)).stream().map(fact -> {
			Map<String, Object> params = params(fact);
			if (dinasCode != null) {
				params.put("dinas", this.agencies.dinas(dinasCode).map(DinasRef::name).orElse(dinasCode));
			}
			return new Subject("e" + eventId, eventId, caseId, null, fact.ticket(), dinasCode, fact.kecamatanCode(),
					darurat(fact), params);
		}).toList();
		this.outbox.enqueue(kind, subjects, now);
	}

	private Map<String, Object> params(CaseFact kase) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("ticket", kase.ticket());
		params.put("kecamatan", kase.kecamatanName());
		params.put("category", String.join(", ", kase.categoryNames()));
		params.put("priority", kase.priority());
		params.put("link", this.properties.caseLink(kase.ticket()));
		return params;
	}

	private static boolean darurat(CaseFact kase) {
		return "DARURAT".equals(kase.priority());
	}

}
