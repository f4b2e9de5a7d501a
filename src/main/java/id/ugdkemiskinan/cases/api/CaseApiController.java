package id.ugdkemiskinan.cases.api;

import id.ugdkemiskinan.cases.intake.CaseIntake;
import id.ugdkemiskinan.cases.intake.CaseIntake.Filing;
import id.ugdkemiskinan.cases.intake.FileCaseCommand;
import id.ugdkemiskinan.cases.intake.Submission;
import id.ugdkemiskinan.cases.query.CaseFilter;
import id.ugdkemiskinan.cases.query.CaseQueries;
import id.ugdkemiskinan.cases.query.CaseScope;
import id.ugdkemiskinan.cases.query.CaseViews;
import id.ugdkemiskinan.cases.web.CaseController;
import java.net.URI;
import java.util.List;

import id.ugdkemiskinan.cases.api.CaseJson.CaseListResponse;
import id.ugdkemiskinan.cases.api.CaseJson.CaseResponse;
import id.ugdkemiskinan.cases.api.CaseJson.EventJson;
import id.ugdkemiskinan.cases.api.CaseJson.FileCaseRequest;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case API for channel integrations (WhatsApp gateways and other apps): same rules,
 * same scopes and same validation as the pages. A case outside the caller's scope is 404,
 * exactly as one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApiController {

	/** The largest page the API lists at once. */
	static final int MAX_SIZE = 100;

	private final CaseIntake intake;

	private final CaseQueries queries;

	private final CaseJsonMapper json;

	CaseApiController(CaseIntake intake, CaseQueries queries, CaseJsonMapper json) {
		this.intake = intake;
		this.queries = queries;
		this.json = json;
	}

	@PostMapping
	ResponseEntity<CaseResponse> fileCase(@AuthenticationPrincipal CurrentUser user,
			@RequestBody FileCaseRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		FileCaseCommand command = request.command();
		Submission submission = Submission.of(Submission.API_PREFIX, idempotencyKey, command);
		Filing filing = this.intake.file(command, List.of(), user, submission, CaseIntake.Mode.REPORT_DUPLICATES);
		String ticket;
		List<String> duplicates = List.of();
		if (filing instanceof Filing.Filed filed) {
			ticket = filed.ticket();
			duplicates = filed.possibleDuplicates().stream().map(CaseViews.Duplicate::ticket).toList();
		}
		else if (filing instanceof Filing.AlreadyFiled earlier) {
			ticket = earlier.ticket();
		}
		else {
			throw new IllegalStateException("The API files despite duplicates: " + filing);
		}
		return ResponseEntity.status(filing instanceof Filing.Filed ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/cases/" + ticket))
			.body(this.json.filed(ticket, duplicates, user));
	}

	@GetMapping("/{ticket}/events")
	List<EventJson> getEvents(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket) {
		return this.json.events(ticket, user);
	}

	@GetMapping("/{ticket}")
	CaseResponse getCase(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket) {
		return this.json.kase(ticket, user);
	}

	@GetMapping
	CaseListResponse listCases(@AuthenticationPrincipal CurrentUser user, @ModelAttribute CaseListApiParams params) {
		CaseFilter filter = params.filter();
		Paging paging = params.paging(CaseController.PAGE_SIZE, MAX_SIZE);
		return this.json.list(this.queries.list(filter, CaseScope.of(user), paging.page(), paging.size()));
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
