package id.ugdkemiskinan.residents.web;

import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.cases.CaseLinks;
import id.ugdkemiskinan.common.InvalidParameterException;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.residents.query.RegistryQueries;
import id.ugdkemiskinan.residents.query.RegistrySearch;
import id.ugdkemiskinan.residents.query.RegistryViews.HouseholdView;
import id.ugdkemiskinan.residents.query.RegistryViews.Member;
import id.ugdkemiskinan.residents.query.RegistryViews.PersonView;
import id.ugdkemiskinan.residents.query.RegistryViews.SearchPage;
import id.ugdkemiskinan.residents.query.RegistryViews.Suggestion;
import id.ugdkemiskinan.residents.registry.AccessLog;
import id.ugdkemiskinan.residents.registry.PersonMerge;
import id.ugdkemiskinan.residents.registry.RegistryScope;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry's pages, for the roles {@link RegistryScope} lets in (the secretariat, the
 * operators, the dinas; the leadership and the admin are refused at the door, 403, for
 * every id alike). A record outside the user's scope answers 404, as one that does not
 * exist; every view of a person or household is written to the access log.
 */
@Controller
class RegistryController {

	private final RegistryQueries queries;

	private final RegistrySearch search;

	private final AccessLog accessLog;

	private final PersonMerge merge;

	private final CaseLinks caseLinks;

	private final Agencies agencies;

	RegistryController(RegistryQueries queries, RegistrySearch search, AccessLog accessLog, PersonMerge merge,
			CaseLinks caseLinks, Agencies agencies) {
		this.queries = queries;
		this.search = search;
		this.accessLog = accessLog;
		this.merge = merge;
		this.caseLinks = caseLinks;
		this.agencies = agencies;
	}

	@GetMapping("/warga")
	String search(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String page, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		Paging paging = Paging.parse(page, RegistrySearch.PAGE_SIZE);
		model.addAttribute("q", (q == null) ? "" : q);
		try {
			SearchPage result = this.search.search(RegistryScope.of(user), q, paging);
			model.addAttribute("searched", q != null && !q.isBlank());
			model.addAttribute("result", result);
			model.addAttribute("pager", Pager.of(request, paging, result.rows().size(), result.counted()));
		}
		catch (InvalidParameterException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("searched", false);
			model.addAttribute("qError", ex.messageKey());
			model.addAttribute("qErrorArgs", ex.args());
		}
		return "residents/search";
	}

	@GetMapping("/warga/{id}")
	String showPerson(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletRequest request,
			Model model) {
		RegistryScope scope = RegistryScope.of(user);
		PersonView person = this.queries.person(id, scope).orElseThrow(() -> notFound("person", id));
		this.accessLog.record(user.id(), AccessLog.RecordType.PERSON, id, request.getRequestURI());
		model.addAttribute("person", person);
		model.addAttribute("cases", this.queries.cases(List.of(id), user));
		model.addAttribute("interventions", this.queries.interventionsOfPerson(id, user));
		model.addAttribute("categoryNames", this.agencies.categoryNames());
		boolean mayMerge = person.withoutNik() && mayMerge(user);
		model.addAttribute("mayMerge", mayMerge);
		model.addAttribute("suggestions", mayMerge ? this.queries.suggestions(id, scope) : List.of());
		return "residents/person";
	}

	@GetMapping("/keluarga/{id}")
	String showHousehold(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletRequest request,
			Model model) {
		HouseholdView household = this.queries.household(id, RegistryScope.of(user))
			.orElseThrow(() -> notFound("household", id));
		this.accessLog.record(user.id(), AccessLog.RecordType.HOUSEHOLD, id, request.getRequestURI());
		List<Member> members = this.queries.members(id);
		List<Long> memberIds = members.stream().map(Member::id).toList();
		model.addAttribute("household", household);
		model.addAttribute("members", members);
		model.addAttribute("cases", this.queries.cases(memberIds, user));
		model.addAttribute("years", this.queries.interventionsOfHousehold(id, memberIds, user));
		model.addAttribute("desilHistory", this.queries.desilHistory(household));
		model.addAttribute("categoryNames", this.agencies.categoryNames());
		return "residents/household";
	}

	/**
	 * From a case to its person: the case must be one the user may see (cases' rules) and
	 * the person's household one of the registry scope; otherwise 404.
	 */
	@GetMapping("/warga/kasus/{ticket}")
	String personOfCase(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket) {
		if (ticket.length() > 40) {
			throw notFound("case", 0);
		}
		long caseId = this.caseLinks.caseInScope(ticket, user).orElseThrow(() -> notFound("case", 0));
		long personId = this.queries.personOfCase(caseId).orElseThrow(() -> notFound("person of case", caseId));
		this.queries.person(personId, RegistryScope.of(user)).orElseThrow(() -> notFound("person", personId));
		return "redirect:/warga/" + personId;
	}

	/** The confirmation step of a merge: both persons side by side. */
	@GetMapping("/warga/{id}/gabung")
	String confirmMerge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long target,
			HttpServletRequest request, Model model) {
		RegistryScope scope = RegistryScope.of(user);
		PersonView person = this.queries.person(id, scope).orElseThrow(() -> notFound("person", id));
		PersonView other = this.queries.person(target, scope).orElseThrow(() -> notFound("person", target));
		Suggestion suggestion = suggestion(person, target, scope);
		this.accessLog.record(user.id(), AccessLog.RecordType.PERSON, id, request.getRequestURI());
		this.accessLog.record(user.id(), AccessLog.RecordType.PERSON, target, request.getRequestURI());
		model.addAttribute("person", person);
		model.addAttribute("other", other);
		model.addAttribute("suggestion", suggestion);
		model.addAttribute("personCases", this.queries.cases(List.of(id), user).size());
		model.addAttribute("personInterventions", this.queries.interventionsOfPerson(id, user).size());
		return "residents/merge";
	}

	@PostMapping("/warga/{id}/gabung")
	String mergePerson(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long target,
			RedirectAttributes redirect) {
		RegistryScope scope = RegistryScope.of(user);
		PersonView person = this.queries.person(id, scope).orElseThrow(() -> notFound("person", id));
		this.queries.person(target, scope).orElseThrow(() -> notFound("person", target));
		suggestion(person, target, scope);
		this.merge.merge(id, target, user);
		redirect.addFlashAttribute("flashSuccess", "warga.merge.done");
		return "redirect:/warga/" + target;
	}

	/**
	 * The target must be a suggestion for the person (same desa, similar name), and only
	 * a person without NIK is merged; two with a NIK are two persons.
	 */
	private Suggestion suggestion(PersonView person, long target, RegistryScope scope) {
		if (!mayMergeRole(scope)) {
			throw notFound("merge", person.id());
		}
		if (!person.withoutNik()) {
			throw new PersonMerge.BothHaveNikException();
		}
		return this.queries.suggestion(person.id(), target, scope).orElseThrow(NotSuggestedException::new);
	}

	@ExceptionHandler({ PersonMerge.BothHaveNikException.class, NotSuggestedException.class })
	ModelAndView mergeRefused(RuntimeException ex) {
		ModelAndView page = new ModelAndView("error/error");
		page.setStatus(HttpStatus.CONFLICT);
		page.addObject("status", "409");
		page.addObject("detailKey",
				(ex instanceof NotSuggestedException) ? "warga.merge.notSuggested" : "warga.merge.bothNik");
		page.addObject("detailArg", "");
		return page;
	}

	private static boolean mayMerge(CurrentUser user) {
		return mayMergeRole(RegistryScope.of(user));
	}

	private static boolean mayMergeRole(RegistryScope scope) {
		return Stream.of(Role.OPERATOR_UPT, Role.SEKRETARIAT).anyMatch(r -> r == scope.role());
	}

	private static NotFoundException notFound(String what, long id) {
		return new NotFoundException("No " + what + " " + id + " in scope");
	}

	/** The target is no (longer a) suggestion for the person. */
	static class NotSuggestedException extends RuntimeException {

		NotSuggestedException() {
			super("Not a suggested match");
		}

	}

}
