package id.ugdkemiskinan.cases.api;

import id.ugdkemiskinan.cases.query.CaseQueries;
import id.ugdkemiskinan.cases.query.CaseScope;
import id.ugdkemiskinan.cases.query.CaseViews;
import id.ugdkemiskinan.cases.receipt.Receipts;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import id.ugdkemiskinan.cases.api.CaseJson.AnswerJson;
import id.ugdkemiskinan.cases.api.CaseJson.AssignmentJson;
import id.ugdkemiskinan.cases.api.CaseJson.BeneficiaryJson;
import id.ugdkemiskinan.cases.api.CaseJson.CaseListResponse;
import id.ugdkemiskinan.cases.api.CaseJson.CaseResponse;
import id.ugdkemiskinan.cases.api.CaseJson.CaseSummary;
import id.ugdkemiskinan.cases.api.CaseJson.EventJson;
import id.ugdkemiskinan.cases.api.CaseJson.QueueItemJson;
import id.ugdkemiskinan.cases.api.CaseJson.QueueJson;
import id.ugdkemiskinan.cases.api.CaseJson.ReporterJson;
import id.ugdkemiskinan.cases.query.CaseViews.CaseDetails;
import id.ugdkemiskinan.cases.query.CaseViews.CasePage;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * From the case module's views to the API's JSON records (timestamps with the kabupaten's
 * offset); finds the case in the caller's scope where an answer shows one.
 */
@Component
class CaseJsonMapper {

	private final CaseQueries queries;

	private final ZoneId zone;

	private final Receipts receipts;

	CaseJsonMapper(CaseQueries queries, TimeProperties properties, Receipts receipts) {
		this.queries = queries;
		this.zone = properties.zone();
		this.receipts = receipts;
	}

	/** The case in the caller's scope; 404 when it does not exist or is outside it. */
	CaseDetails find(String ticket, CurrentUser user) {
		return this.queries.findByTicket(ticket, CaseScope.of(user))
			.orElseThrow(() -> new NotFoundException("No case " + ticket + " in scope"));
	}

	/** The case in full, as {@code GET /api/v1/cases/{ticket}} shows it. */
	CaseResponse kase(String ticket, CurrentUser user) {
		return response(find(ticket, user), null, true);
	}

	/**
	 * A case just filed (or filed earlier by the same submission): the short answer, with
	 * the possible duplicates, and the only answer with the access code (for the operator
	 * at filing to give the resident; no other staff answer shows it).
	 */
	CaseResponse filed(String ticket, List<String> duplicates, CurrentUser user) {
		CaseDetails c = this.queries.findByTicket(ticket, CaseScope.of(user)).orElseThrow();
		return new CaseResponse(c.ticket(), this.receipts.accessCode(ticket, CaseScope.of(user)).orElseThrow(),
				c.status(), c.priority(), c.kecamatanCode(), c.desaCode(), c.channel(), c.categories(),
				c.vulnerabilities(), time(c.filedAt()), c.assignments().stream().map(this::assignment).toList(),
				duplicates, null, null, null, null, null, null, null, null, null);
	}

	List<EventJson> events(String ticket, CurrentUser user) {
		return events(find(ticket, user));
	}

	/** The assignment an action changed, with its case's ticket. */
	QueueItemJson assignment(String ticket, long assignmentId, CurrentUser user) {
		CaseDetails details = find(ticket, user);
		AssignmentJson assignment = details.assignments()
			.stream()
			.filter(a -> a.id() == assignmentId)
			.findFirst()
			.map(this::assignment)
			.orElseThrow();
		return new QueueItemJson(ticket, assignment, details.priority(), details.kecamatanCode(), details.categories());
	}

	CaseListResponse list(CasePage result) {
		return new CaseListResponse(
				result.rows()
					.stream()
					.map(r -> new CaseSummary(r.ticket(), time(r.filedAt()), r.beneficiaryName(), r.maskedNik(),
							r.desaName(), r.kecamatanName(), Arrays.asList(r.categories().split(",")), r.priority(),
							r.status(), r.overdueAssignments()))
					.toList(),
				result.page(), result.size(), result.hasNext(), Math.min(result.counted(), Pager.COUNT_CAP),
				result.counted() <= Pager.COUNT_CAP);
	}

	QueueJson queue(CaseViews.QueuePage result, String dinas, Paging paging) {
		List<QueueItemJson> items = result.rows()
			.stream()
			.map(r -> new QueueItemJson(r.ticket(),
					new AssignmentJson(r.assignmentId(), r.assignmentVersion(), dinas, r.status(), time(r.assignedAt()),
							time(r.dueAt()), null, null, null, r.slaState() == null ? null : r.slaState().name()),
					r.priority(), r.kecamatanCode(), Arrays.asList(r.categories().split(","))))
			.toList();
		long total = Math.min(result.counted(), Pager.COUNT_CAP);
		return new QueueJson(items, paging.page(), paging.size(), paging.offset() + items.size() < result.counted(),
				total, result.counted() <= Pager.COUNT_CAP);
	}

	/** A case as staff read it: never with the access code. */
	CaseResponse response(CaseDetails c, List<String> duplicates, boolean full) {
		List<AssignmentJson> assignments = c.assignments().stream().map(this::assignment).toList();
		if (!full) {
			return new CaseResponse(c.ticket(), null, c.status(), c.priority(), c.kecamatanCode(), c.desaCode(),
					c.channel(), c.categories(), c.vulnerabilities(), time(c.filedAt()), assignments, duplicates, null,
					null, null, null, null, null, null, null, null);
		}
		ReporterJson reporter = null;
		Boolean reporterHidden = null;
		if (c.reporter() != null) {
			reporterHidden = c.reporter().hidden();
			reporter = c.reporter().hidden() ? null : new ReporterJson(c.reporter().name(), c.reporter().phone(),
					c.reporter().relation(), c.reporter().confidential());
		}
		List<EventJson> timeline = events(c);
		return new CaseResponse(c.ticket(), null, c.status(), c.priority(), c.kecamatanCode(), c.desaCode(),
				c.channel(), c.categories(), c.vulnerabilities(), time(c.filedAt()), assignments, null,
				new BeneficiaryJson(c.beneficiaryName(), c.nik(), c.nikUnknownReason(), c.kk(), c.beneficiaryPhone()),
				reporter, reporterHidden, c.address(), c.rt(), c.rw(), c.description(), timeline,
				this.queries.answers(c.id())
					.stream()
					.map(a -> new AnswerJson(a.categoryCode(), a.question(), a.answer()))
					.toList());
	}

	AssignmentJson assignment(CaseViews.AssignmentView a) {
		return new AssignmentJson(a.id(), a.version(), a.dinasCode(), a.status(), time(a.assignedAt()), time(a.dueAt()),
				time(a.respondedAt()), time(a.resolvedAt()), a.interventionCode(),
				a.slaState() == null ? null : a.slaState().name());
	}

	List<EventJson> events(CaseDetails c) {
		return c.events()
			.stream()
			.map(e -> new EventJson(e.id(), e.type(), time(e.occurredAt()), e.actorName(), e.actorRole(), e.dinasCode(),
					e.note()))
			.toList();
	}

	private OffsetDateTime time(Instant instant) {
		return instant == null ? null : instant.atZone(this.zone).toOffsetDateTime();
	}

}
