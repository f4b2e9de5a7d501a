package id.ugdkemiskinan.cases.workflow;

/**
 * Someone else changed the assignment or case since the form was shown: 409, reload and
 * see.
 */
class CaseChangedException extends IllegalTransitionException {

	CaseChangedException() {
		super("workflow.changed");
	}

}
