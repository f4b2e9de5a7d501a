package id.ugdkemiskinan.dashboard;

import java.time.LocalDate;

/**
 * The period (whole days in the kabupaten's zone, both ends included) and the optional
 * filters; {@code priorityOnly}: only cases in a lokus prioritas (residents'
 * {@code priority_desa}, read in SQL).
 */
public record DashboardFilter(LocalDate from, LocalDate to, String kecamatan, String dinas, String category,
		boolean priorityOnly) {

	public DashboardFilter(LocalDate from, LocalDate to, String kecamatan, String dinas, String category) {
		this(from, to, kecamatan, dinas, category, false);
	}

}
