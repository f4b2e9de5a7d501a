package id.ugdkemiskinan.cases.intake;

/**
 * What is wrong with one field: the message key (from messages.properties) and its
 * arguments. Fields are named as in the filing form ({@code nik}, {@code desaCode}, ...).
 */
public record FieldProblem(String field, String messageKey, Object... args) {
}
