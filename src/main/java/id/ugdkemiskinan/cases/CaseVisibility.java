package id.ugdkemiskinan.cases;

import java.util.Collection;
import java.util.Set;

import id.ugdkemiskinan.users.CurrentUser;

/**
 * Which cases a user may open, by cases' own scope rules (an operator those of their
 * kecamatan, a dinas those with an assignment of theirs, the secretariat and the
 * leadership all, the admin none): the registry links only those of a resident's cases.
 */
public interface CaseVisibility {

	/** The ids among those given that the user may see. */
	Set<Long> visible(Collection<Long> caseIds, CurrentUser user);

}
