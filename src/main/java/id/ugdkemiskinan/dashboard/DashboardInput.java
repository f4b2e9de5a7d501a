package id.ugdkemiskinan.dashboard;

/**
 * The dashboard's filters as the request gave them, before they are checked: the filter
 * form is filled from these, also when they are refused.
 */
record DashboardInput(String period, String from, String to, String kecamatan, String dinas, String category,
		String lokus) {

	DashboardInput {
		period = trimmed(period);
		from = trimmed(from);
		to = trimmed(to);
		kecamatan = trimmed(kecamatan);
		dinas = trimmed(dinas);
		category = trimmed(category);
		lokus = trimmed(lokus);
	}

	/**
	 * The period choice the form shows: {@code custom} when dates are given, else the
	 * named one ({@code 30d} by default); {@code null} for a choice the dashboard does
	 * not know.
	 */
	String periodChoice() {
		if (this.from != null || this.to != null) {
			return "custom";
		}
		if (this.period == null) {
			return "30d";
		}
		return DashboardFilters.PERIODS.contains(this.period) ? this.period : null;
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
