package id.ugdkemiskinan.cases.intake;

import java.util.List;

/** The case cannot be filed as it is: one or more fields are wrong. */
public class InvalidCaseException extends RuntimeException {

	private final transient List<FieldProblem> problems;

	public InvalidCaseException(List<FieldProblem> problems) {
		super("Invalid case: " + problems.stream().map(FieldProblem::field).toList());
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
