/**
 * The SLA records: the one-statement-per-batch SQL that flags at-risk, breached and
 * escalated assignments, implementing sla's {@code SweepTarget}.
 */
@NullMarked
package id.ugdkemiskinan.cases.sweep;

import org.jspecify.annotations.NullMarked;
