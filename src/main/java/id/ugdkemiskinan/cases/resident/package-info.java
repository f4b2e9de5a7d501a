/**
 * The resident's side of a case: the status page {@code /cek} (no login, no personal
 * data), its slow-down, and the answer to "sudah tertangani?".
 */
@NullMarked
package id.ugdkemiskinan.cases.resident;

import org.jspecify.annotations.NullMarked;
