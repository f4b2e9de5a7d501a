package id.ugdkemiskinan.cases;

import id.ugdkemiskinan.sla.SlaState;

/** The queue's filters: live SLA state ({@code MET}/{@code MISSED} both mean "responded"), kecamatan, category. */
record QueueFilter(SlaState state, String kecamatan, String category) {
}
