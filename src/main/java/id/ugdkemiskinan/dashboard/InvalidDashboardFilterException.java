package id.ugdkemiskinan.dashboard;

import java.util.List;

/**
 * The dashboard was asked for a period or a filter it does not serve; nothing was
 * computed.
 */
class InvalidDashboardFilterException extends RuntimeException {

	/**
	 * One refused field: its request parameter, and the message key with its arguments.
	 */
	record Problem(String field, String messageKey, Object... args) {
	}

	private final transient DashboardInput input;

	private final transient List<Problem> problems;

	InvalidDashboardFilterException(DashboardInput input, List<Problem> problems) {
		super("invalid dashboard filter: " + problems.stream().map(Problem::field).toList());
		this.input = input;
		this.problems = List.copyOf(problems);
	}

	DashboardInput input() {
		return this.input;
	}

	List<Problem> problems() {
		return this.problems;
	}

}
