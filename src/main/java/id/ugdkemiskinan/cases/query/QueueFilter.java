package id.ugdkemiskinan.cases.query;

import id.ugdkemiskinan.sla.SlaState;

/**
 * The queue's filters: live SLA state ({@code MET}/{@code MISSED} both mean "responded"),
 * kecamatan, category.
 */
public record QueueFilter(SlaState state, String kecamatan, String category) {
}
