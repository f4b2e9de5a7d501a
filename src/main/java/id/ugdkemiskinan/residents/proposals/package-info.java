/**
 * Data correction as interventions: a dinas that resolves its assignment with "usulan
 * perbaikan data (desil)", "usul masuk DTSEN" or "sanggah penerima" makes a proposal (in
 * the same transaction as the resolution) that waits for verval on a clock of its own (2
 * days by default, per kind, on an SLA calendar: {@code sla_calendar} is read in SQL for
 * the admin's choice), flagged once at its due time by the SLA sweeper
 * ({@code sla.DeadlineTarget}); the list of proposals, their decision and the BNBA export
 * of those pending. Reads cases' {@code case_file} in SQL, read-only.
 */
@NullMarked
package id.ugdkemiskinan.residents.proposals;

import org.jspecify.annotations.NullMarked;
