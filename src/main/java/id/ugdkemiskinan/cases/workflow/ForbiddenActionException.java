package id.ugdkemiskinan.cases.workflow;

import org.springframework.security.access.AccessDeniedException;

/**
 * The user sees the case but their role may not do this to it: 403, through Spring
 * Security's access-denied handling (the error page, or a problem detail in the API).
 */
class ForbiddenActionException extends AccessDeniedException {

	ForbiddenActionException(String message) {
		super(message);
	}

}
