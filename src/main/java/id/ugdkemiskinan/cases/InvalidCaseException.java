package id.ugdkemiskinan.cases;

import java.util.List;

/** The case cannot be filed as it is: one or more fields are wrong. */
class InvalidCaseException extends RuntimeException {

	private final transient List<FieldProblem> problems;

	InvalidCaseException(List<FieldProblem> problems) {
		super("Invalid case: " + problems.stream().map(FieldProblem::field).toList());
		this.problems = List.copyOf(problems);
	}

	List<FieldProblem> problems() {
		return this.problems;
	}

}
