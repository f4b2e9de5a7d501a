/**
 * The case API ({@code /api/v1/cases}, {@code /api/v1/assignments}): JSON records, their
 * mapper and the API's problem details.
 */
@NullMarked
package id.ugdkemiskinan.cases.api;

import org.jspecify.annotations.NullMarked;
