/**
 * Filing a case: validation of what was typed (NIK, phone, region, categories),
 * attachments, ticket numbers, the submission key that makes a filing happen once, and
 * the possible duplicates.
 */
@NullMarked
package id.ugdkemiskinan.cases.intake;

import org.jspecify.annotations.NullMarked;
