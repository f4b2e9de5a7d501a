package id.ugdkemiskinan.dashboard;

/**
 * A dinas's line in the by-dinas table: its figures for the period (if any), their
 * compliance ({@code null} without any), and its open breaches now.
 */
record DinasRow(String code, String name, DashboardFigures.Group figures, Double compliance, long breachedNow) {
}
