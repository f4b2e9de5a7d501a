package id.ugdkemiskinan.dashboard;

import java.time.LocalDate;

/**
 * The period (whole days in the kabupaten's zone, both ends included) and the optional
 * filters.
 */
public record DashboardFilter(LocalDate from, LocalDate to, String kecamatan, String dinas, String category) {
}
