package id.ugdkemiskinan.cases;

/** The filters of a dinas's history: its assignment's status, the kecamatan, and the search {@code q}; each optional. */
record HistoryFilter(AssignmentStatus status, String kecamatan, String q) {
}
