package id.ugdkemiskinan.cases.api;

import id.ugdkemiskinan.cases.domain.CaseStatus;
import id.ugdkemiskinan.cases.intake.CaseIntake;
import id.ugdkemiskinan.cases.intake.FileCaseCommand;
import id.ugdkemiskinan.cases.intake.Submission;
import id.ugdkemiskinan.cases.intake.ValidCase;
import id.ugdkemiskinan.cases.query.CaseFilter;
import id.ugdkemiskinan.cases.query.CaseQueries;
import id.ugdkemiskinan.cases.query.CaseScope;
import id.ugdkemiskinan.cases.query.CaseViews;
import id.ugdkemiskinan.cases.web.CaseController;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import id.ugdkemiskinan.cases.api.CaseJson.AssignmentJson;
import id.ugdkemiskinan.cases.api.CaseJson.BeneficiaryJson;
import id.ugdkemiskinan.cases.api.CaseJson.CaseListResponse;
import id.ugdkemiskinan.cases.api.CaseJson.CaseResponse;
import id.ugdkemiskinan.cases.api.CaseJson.CaseSummary;
import id.ugdkemiskinan.cases.api.CaseJson.EventJson;
import id.ugdkemiskinan.cases.api.CaseJson.FileCaseRequest;
import id.ugdkemiskinan.cases.api.CaseJson.ReporterJson;
import id.ugdkemiskinan.cases.query.CaseViews.CaseDetails;
import id.ugdkemiskinan.cases.query.CaseViews.CasePage;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case API for channel integrations (WhatsApp gateways and other apps): same rules, same
 * scopes and same validation as the pages. A case outside the caller's scope is 404, exactly as
 * one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApiController {

	/** The largest page the API lists at once. */
	static final int MAX_SIZE = 100;

	private final CaseIntake intake;

	private final CaseQueries queries;

	private final ZoneId zone;

	CaseApiController(CaseIntake intake, CaseQueries queries, TimeProperties properties) {
		this.intake = intake;
		this.queries = queries;
		this.zone = properties.zone();
	}

	@PostMapping
	ResponseEntity<CaseResponse> fileCase(@AuthenticationPrincipal CurrentUser user, @RequestBody FileCaseRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		FileCaseCommand command = request.command();
		Submission submission = Submission.of(Submission.API_PREFIX, idempotencyKey, command);
		List<String> duplicates = List.of();
		CaseIntake.Filing filing;
		Optional<String> earlier = this.intake.earlier(submission, user);
		if (earlier.isPresent()) {
			filing = new CaseIntake.Filing(earlier.get(), false);
		}
		else {
			ValidCase valid = this.intake.validate(command, user);
			duplicates = this.queries.openDuplicates(valid, CaseScope.of(user))
				.stream()
				.map(CaseViews.Duplicate::ticket)
				.toList();
			filing = this.intake.file(valid, List.of(), user, submission);
		}
		CaseDetails details = this.queries.findByTicket(filing.ticket(), CaseScope.of(user)).orElseThrow();
		CaseResponse body = response(details, duplicates, false);
		return ResponseEntity.status(filing.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/cases/" + filing.ticket()))
			.body(body);
	}

	@GetMapping("/{ticket}/events")
	List<EventJson> getEvents(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket) {
		return events(find(ticket, user));
	}

	@GetMapping("/{ticket}")
	CaseResponse getCase(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket) {
		return response(find(ticket, user), null, true);
	}

	@GetMapping
	CaseListResponse listCases(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) String status, @RequestParam(required = false) String dinas,
			@RequestParam(required = false) String kecamatan, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size) {
		CaseFilter filter = new CaseFilter(Paging.option("status", status, CaseStatus.class), dinas, null,
				null, null, null, null, overdue, kecamatan, q);
		Paging paging = Paging.parse(page, size, CaseController.PAGE_SIZE, MAX_SIZE);
		CasePage result = this.queries.list(filter, CaseScope.of(user), paging.page(), paging.size());
		return new CaseListResponse(result.rows()
			.stream()
			.map(r -> new CaseSummary(r.ticket(), time(r.filedAt()), r.beneficiaryName(), r.maskedNik(), r.desaName(),
					r.kecamatanName(), Arrays.asList(r.categories().split(",")), r.priority(), r.status(),
					r.overdueAssignments()))
			.toList(), result.page(), result.size(), result.hasNext(), Math.min(result.counted(), Pager.COUNT_CAP),
				result.counted() <= Pager.COUNT_CAP);
	}

	CaseDetails find(String ticket, CurrentUser user) {
		return this.queries.findByTicket(ticket, CaseScope.of(user))
			.orElseThrow(() -> new NotFoundException("No case " + ticket + " in scope"));
	}

	CaseResponse response(CaseDetails c, List<String> duplicates, boolean full) {
		List<AssignmentJson> assignments = c.assignments()
			.stream()
			.map(this::assignment)
			.toList();
		if (!full) {
			return new CaseResponse(c.ticket(), c.accessCode(), c.status(), c.priority(), c.kecamatanCode(), c.desaCode(),
					c.channel(), c.categories(), c.vulnerabilities(), time(c.filedAt()), assignments, duplicates, null,
					null, null, null, null, null, null, null);
		}
		ReporterJson reporter = null;
		Boolean reporterHidden = null;
		if (c.reporter() != null) {
			reporterHidden = c.reporter().hidden();
			reporter = c.reporter().hidden() ? null
					: new ReporterJson(c.reporter().name(), c.reporter().phone(), c.reporter().relation(),
							c.reporter().confidential());
		}
		List<EventJson> timeline = events(c);
		return new CaseResponse(c.ticket(), c.accessCode(), c.status(), c.priority(), c.kecamatanCode(), c.desaCode(),
				c.channel(), c.categories(), c.vulnerabilities(), time(c.filedAt()), assignments, null,
				new BeneficiaryJson(c.beneficiaryName(), c.nik(), c.nikUnknownReason(), c.kk(), c.beneficiaryPhone()),
				reporter, reporterHidden, c.address(), c.rt(), c.rw(), c.description(), timeline);
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

	OffsetDateTime time(Instant instant) {
		return instant == null ? null : instant.atZone(this.zone).toOffsetDateTime();
	}

	/** The form's flat field names as paths in the API's JSON. */
	static String apiField(String field) {
		return switch (field) {
			case "beneficiaryName" -> "beneficiary.name";
			case "nik" -> "beneficiary.nik";
			case "nikUnknownReason" -> "beneficiary.nikUnknownReason";
			case "kk" -> "beneficiary.kk";
			case "beneficiaryPhone" -> "beneficiary.phone";
			case "reporterName" -> "reporter.name";
			case "reporterPhone" -> "reporter.phone";
			case "reporterRelation" -> "reporter.relation";
			default -> field;
		};
	}

}
