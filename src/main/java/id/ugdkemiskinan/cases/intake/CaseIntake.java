package id.ugdkemiskinan.cases.intake;

import id.ugdkemiskinan.cases.CaseFiled;
import id.ugdkemiskinan.cases.domain.Attachment;
import id.ugdkemiskinan.cases.domain.AttachmentRepository;
import id.ugdkemiskinan.cases.domain.CaseEvent;
import id.ugdkemiskinan.cases.domain.CaseEventRepository;
import id.ugdkemiskinan.cases.domain.CaseFile;
import id.ugdkemiskinan.cases.domain.CaseFileRepository;
import id.ugdkemiskinan.cases.domain.EventType;
import id.ugdkemiskinan.cases.query.CaseQueries;
import id.ugdkemiskinan.cases.query.CaseScope;
import id.ugdkemiskinan.cases.workflow.Assigning;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files a case in one transaction: ticket and access code, one assignment per distinct dinas its
 * categories route to (the secretariat when none), each with its own due time, the first events
 * of the timeline, and the attachments. A submission carries a key (the form's token or the API's
 * {@code Idempotency-Key}); a second submission with the same key and content leads to the case already
 * filed, one with other content is refused.
 */
@Service
public class CaseIntake {

	private final CaseValidator validator;

	private final Agencies agencies;

	private final Assigning assigning;

	private final TicketNumbers tickets;

	private final CaseQueries queries;

	private final CaseFileRepository cases;

	private final CaseEventRepository events;

	private final AttachmentRepository attachments;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	public CaseIntake(CaseValidator validator, Agencies agencies, Assigning assigning, TicketNumbers tickets,
			CaseQueries queries, CaseFileRepository cases, CaseEventRepository events, AttachmentRepository attachments,
			TransactionTemplate transaction, Clock clock, ApplicationEventPublisher publisher) {
		this.validator = validator;
		this.agencies = agencies;
		this.assigning = assigning;
		this.tickets = tickets;
		this.queries = queries;
		this.cases = cases;
		this.events = events;
		this.attachments = attachments;
		this.transaction = transaction;
		this.clock = clock;
		this.publisher = publisher;
	}

	/** The outcome of a filing: the case's ticket, and whether this call created it. */
	public record Filing(String ticket, boolean created) {
	}

	/**
	 * Checks a case as typed, for the duplicate check and then for {@link #file}.
	 * @throws InvalidCaseException when a field is wrong
	 * @throws OutOfScopeException when the user may not file there
	 */
	public ValidCase validate(FileCaseCommand command, CurrentUser user) {
		return this.validator.validate(command, CaseScope.of(user));
	}

	/**
	 * The case this submission already filed, if any.
	 * @throws SubmissionReusedException when its key filed a case with other content
	 */
	public Optional<String> earlier(Submission submission, CurrentUser user) {
		return this.queries.submission(user.id(), submission.key()).map(earlier -> {
			if (!submission.sameContentAs(earlier.contentHash())) {
				throw new SubmissionReusedException(earlier.ticket());
			}
			return earlier.ticket();
		});
	}

	/**
	 * Files a validated case, unless this submission already filed one; then it leads to that case.
	 * @throws SubmissionReusedException when the submission's key filed a case with other content
	 */
	public Filing file(ValidCase valid, List<ValidAttachment> files, CurrentUser user, Submission submission) {
		Optional<String> earlier = earlier(submission, user);
		if (earlier.isPresent()) {
			return new Filing(earlier.get(), false);
		}
		try {
			return new Filing(this.transaction.execute(status -> store(valid, files, user, submission)), true);
		}
		catch (DataIntegrityViolationException ex) {
			// The same submission committed first on another request or instance: lead to that case.
			return earlier(submission, user).map(ticket -> new Filing(ticket, false)).orElseThrow(() -> ex);
		}
	}

	private String store(ValidCase valid, List<ValidAttachment> files, CurrentUser user, Submission submission) {
		Instant now = this.clock.instant();
		CaseFile kase = this.cases.save(new CaseFile(this.tickets.next(now), TicketNumbers.accessCode(), valid, now,
				user.id(), submission.key(), submission.contentHash()));
		CaseEvent filed = this.events.save(new CaseEvent(kase.getId(), null, EventType.FILED, null, now, user, null));
		this.publisher
			.publishEvent(new CaseFiled(filed.getId(), kase.getId(), kase.getTicket(), kase.getKecamatanCode(), now));
		Set<String> targets = this.agencies.route(valid.categories());
		for (String dinas : targets) {
			this.assigning.assign(kase.getId(), dinas, now, user, null);
		}
		for (ValidAttachment file : files) {
			this.attachments.save(new Attachment(kase.getId(), file, now, user.id()));
		}
		return kase.getTicket();
	}

}
