/**
 * Imports of programme lists (PKH, BPNT, ...) and desil lists (DTSEN) into the registry:
 * upload, column mapping saved per source, a streaming run in the background with its
 * progress, per-row validation with a downloadable error report, idempotent re-import and
 * the undo of one import.
 */
@NullMarked
package id.ugdkemiskinan.residents.imports;

import org.jspecify.annotations.NullMarked;
