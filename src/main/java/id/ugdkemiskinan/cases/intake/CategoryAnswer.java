package id.ugdkemiskinan.cases.intake;

/**
 * The answer to one of a category's extra questions, with the question as it was asked.
 *
 * @param position the question's place (1 to 3) in its category
 */
public record CategoryAnswer(String categoryCode, int position, String question, String answer) {

	public static final int MAX_ANSWER = 500;

	/** The form field of the answer: {@code answer_<CATEGORY>_<position>}. */
	public static String field(String categoryCode, int position) {
		return "answer_" + categoryCode + "_" + position;
	}

}
