package id.ugdkemiskinan.cases.workflow;

import java.time.Instant;
import java.util.Optional;

import id.ugdkemiskinan.cases.CaseLinks;
import id.ugdkemiskinan.cases.domain.CaseEvent;
import id.ugdkemiskinan.cases.domain.CaseEventRepository;
import id.ugdkemiskinan.cases.domain.EventType;
import id.ugdkemiskinan.cases.query.CaseScope;
import id.ugdkemiskinan.cases.query.ScopedCases;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link CaseLinks} over the case table and the timeline. */
@Component
class WhatsAppCaseLinks implements CaseLinks {

	private final ScopedCases cases;

	private final CaseEventRepository events;

	WhatsAppCaseLinks(ScopedCases cases, CaseEventRepository events) {
		this.cases = cases;
		this.events = events;
	}

	@Override
	public Optional<Long> caseInScope(String ticket, CurrentUser user) {
		return this.cases.idByTicket(ticket, CaseScope.of(user));
	}

	@Override
	@Transactional
	public void whatsAppLinked(long caseId, CurrentUser user, String note, Instant at) {
		this.events.save(new CaseEvent(caseId, null, EventType.WHATSAPP_LINKED, null, at, user, note));
	}

}
