package id.ugdkemiskinan.cases.query;

import id.ugdkemiskinan.cases.domain.AssignmentStatus;

/**
 * The filters of a dinas's history: its assignment's status, the kecamatan, and the
 * search {@code q}; each optional.
 */
public record HistoryFilter(AssignmentStatus status, String kecamatan, String q) {
}
