/**
 * What happens to a case after filing: the dinas' responses, progress, resolutions and
 * returns, the secretariat's triage, closing, rejecting and reopening; each writes its
 * timeline event and publishes the matching event.
 */
@NullMarked
package id.ugdkemiskinan.cases.workflow;

import org.jspecify.annotations.NullMarked;
