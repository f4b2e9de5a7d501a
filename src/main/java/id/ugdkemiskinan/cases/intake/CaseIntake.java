package id.ugdkemiskinan.cases.intake;

import id.ugdkemiskinan.cases.AidHistory;
import id.ugdkemiskinan.cases.CaseFiled;
import id.ugdkemiskinan.cases.domain.Attachment;
import id.ugdkemiskinan.cases.domain.AttachmentRepository;
import id.ugdkemiskinan.cases.domain.CaseEvent;
import id.ugdkemiskinan.cases.domain.CaseEventRepository;
import id.ugdkemiskinan.cases.domain.CaseFile;
import id.ugdkemiskinan.cases.domain.CaseFileRepository;
import id.ugdkemiskinan.cases.domain.EventType;
import id.ugdkemiskinan.cases.domain.Vulnerability;
import id.ugdkemiskinan.cases.query.CaseQueries;
import id.ugdkemiskinan.cases.query.CaseScope;
import id.ugdkemiskinan.cases.query.CaseViews.Duplicate;
import id.ugdkemiskinan.cases.receipt.ResidentConsents;
import id.ugdkemiskinan.cases.workflow.Assigning;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files a case in one transaction: ticket and access code, one assignment per distinct
 * dinas its categories route to (the secretariat when none), each with its own due time,
 * the first events of the timeline, and the attachments. A submission carries a key (the
 * form's token or the API's {@code Idempotency-Key}); a second submission with the same
 * key and content leads to the case already filed, one with other content is refused.
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

	private final ResidentConsents consents;

	private final JdbcClient jdbc;

	private final ObjectProvider<AidHistory> aidHistory;

	public CaseIntake(CaseValidator validator, Agencies agencies, Assigning assigning, TicketNumbers tickets,
			CaseQueries queries, CaseFileRepository cases, CaseEventRepository events, AttachmentRepository attachments,
			TransactionTemplate transaction, Clock clock, ApplicationEventPublisher publisher,
			ResidentConsents consents, JdbcClient jdbc, ObjectProvider<AidHistory> aidHistory) {
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
		this.consents = consents;
		this.jdbc = jdbc;
		this.aidHistory = aidHistory;
	}

	/**
	 * What a filing came to: a new case, the case this same submission filed earlier (a
	 * resubmit after a lost answer, a double click), the possible duplicates the operator
	 * is asked about, or, for a form with problems of its own, a case valid as typed but
	 * not filed.
	 */
	public sealed interface Filing {

		/**
		 * Filed now; with the open cases that may be the same when those were asked to be
		 * reported.
		 */
		record Filed(String ticket, List<Duplicate> possibleDuplicates) implements Filing {
		}

		record AlreadyFiled(String ticket) implements Filing {
		}

		record PossibleDuplicates(List<Duplicate> duplicates) implements Filing {
		}

		/** Valid as typed, not filed ({@link Mode#CHECK_ONLY}). */
		record Checked() implements Filing {
		}

	}

	/** What to do about the open cases that may be the same as the one filed. */
	public enum Mode {

		/** Only check: the form has problems of its own, nothing is filed. */
		CHECK_ONLY,
		/**
		 * Stop with the possible duplicates, if there are any, for the operator to
		 * confirm.
		 */
		STOP_AT_DUPLICATES,
		/** The operator has seen the possible duplicates: file. */
		IGNORE_DUPLICATES,
		/** File, and report the possible duplicates with the filed case (the API). */
		REPORT_DUPLICATES

	}

	/**
	 * Files a case as typed, unless this submission already filed one; then it leads to
	 * that case. The earlier filing is looked up once (and again only when a concurrent
	 * submit of it commits first).
	 * @throws SubmissionReusedException when the submission's key filed a case with other
	 * content
	 * @throws InvalidCaseException when a field is wrong
	 * @throws OutOfScopeException when the user may not file there
	 */
	public Filing file(FileCaseCommand command, List<ValidAttachment> files, CurrentUser user, Submission submission,
			Mode mode) {
		return file(command, files, user, submission, mode, (caseId) -> {
		});
	}

	/**
	 * As {@link #file(FileCaseCommand, List, CurrentUser, Submission, Mode)}, telling
	 * {@code stored} the new case's id inside the filing's transaction (what it throws
	 * rolls the filing back): a case filed from a
	 * {@link id.ugdkemiskinan.cases.FilingSource}.
	 */
	public Filing file(FileCaseCommand command, List<ValidAttachment> files, CurrentUser user, Submission submission,
			Mode mode, LongConsumer stored) {
		Optional<String> earlier = earlier(submission, user);
		if (earlier.isPresent()) {
			return new Filing.AlreadyFiled(earlier.get());
		}
		ValidCase valid = this.validator.validate(command, CaseScope.of(user));
		if (mode == Mode.CHECK_ONLY) {
			return new Filing.Checked();
		}
		List<Duplicate> duplicates = List.of();
		if (mode != Mode.IGNORE_DUPLICATES) {
			CaseQueries.OpenDuplicates open = this.queries.openDuplicates(valid, CaseScope.of(user), user.id(),
					submission.key());
			// A concurrent submit of this same form may be what the duplicate check just
			// found.
			Optional<String> same = open.sameSubmission().map(found -> sameSubmission(submission, found));
			if (same.isPresent()) {
				return new Filing.AlreadyFiled(same.get());
			}
			duplicates = open.duplicates();
			if (mode == Mode.STOP_AT_DUPLICATES && !duplicates.isEmpty()) {
				return new Filing.PossibleDuplicates(duplicates);
			}
		}
		ValidCase derived = withDerivedFlags(valid);
		try {
			return new Filing.Filed(
					this.transaction
						.execute(status -> store(derived, command.residentConsent(), files, user, submission, stored)),
					duplicates);
		}
		catch (DataIntegrityViolationException ex) {
			// The same submission committed first on another request or instance: lead to
			// that case.
			return earlier(submission, user).<Filing>map(Filing.AlreadyFiled::new).orElseThrow(() -> ex);
		}
	}

	/**
	 * The case with "belum pernah dibantu" as the registry's data says (no intervention
	 * recorded for the person or household in its period), never as typed.
	 */
	private ValidCase withDerivedFlags(ValidCase valid) {
		AidHistory history = this.aidHistory.getIfAvailable();
		if (history == null || !history.neverHelped(valid.nik(), valid.kk())) {
			return valid;
		}
		Set<Vulnerability> flags = EnumSet.of(Vulnerability.BELUM_PERNAH_DIBANTU);
		flags.addAll(valid.vulnerabilities());
		return valid.withVulnerabilities(flags);
	}

	/**
	 * The case this submission already filed, if any.
	 * @throws SubmissionReusedException when its key filed a case with other content
	 */
	private Optional<String> earlier(Submission submission, CurrentUser user) {
		return this.queries.submission(user.id(), submission.key()).map(earlier -> sameSubmission(submission, earlier));
	}

	private static String sameSubmission(Submission submission, CaseQueries.EarlierSubmission earlier) {
		if (!submission.sameContentAs(earlier.contentHash())) {
			throw new SubmissionReusedException(earlier.ticket());
		}
		return earlier.ticket();
	}

	private String store(ValidCase valid, boolean residentConsent, List<ValidAttachment> files, CurrentUser user,
			Submission submission, LongConsumer stored) {
		Instant now = this.clock.instant();
		CaseFile kase = this.cases.save(new CaseFile(this.tickets.next(now), TicketNumbers.accessCode(), valid, now,
				user.id(), submission.key(), submission.contentHash()));
		CaseEvent filed = this.events.save(new CaseEvent(kase.getId(), null, EventType.FILED, null, now, user, null));
		this.publisher
			.publishEvent(new CaseFiled(filed.getId(), kase.getId(), kase.getTicket(), kase.getKecamatanCode(), now));
		if (residentConsent) {
			this.consents.give(kase.getId(), valid.beneficiaryPhone(), user, now);
		}
		for (CategoryAnswer answer : valid.answers()) {
			this.jdbc.sql("""
					INSERT INTO case_category_answer (case_id, category_code, position, question, answer)
					VALUES (:case, :category, :position, :question, :answer)""")
				.param("case", kase.getId())
				.param("category", answer.categoryCode())
				.param("position", answer.position())
				.param("question", answer.question())
				.param("answer", answer.answer())
				.update();
		}
		Set<String> targets = this.agencies.route(valid.categories(), kase.getKecamatanCode());
		for (String dinas : targets) {
			this.assigning.assign(kase.getId(), dinas, now, user, null);
		}
		for (ValidAttachment file : files) {
			this.attachments.save(new Attachment(kase.getId(), file, now, user.id()));
		}
		stored.accept(kase.getId());
		return kase.getTicket();
	}

}
