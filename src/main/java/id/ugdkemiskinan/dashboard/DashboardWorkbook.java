package id.ugdkemiskinan.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.ugdkemiskinan.common.Formats;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The dashboard as an Excel workbook that opens cleanly in an Indonesian Excel: real
 * dates and numbers (dates shown the Indonesian way, {@code [$-421]}, "18 Nov 2026
 * 14.05"), names beside codes, three sheets: the summary with the by-dinas table (worst
 * first), the period's assignments, and the live breach board. Written with POI's
 * streaming workbook: only a window of rows is in memory, the rest goes to compressed
 * temporary files, and the rows themselves come from a database cursor.
 */
final class DashboardWorkbook {

	/** Rows of a sheet kept in memory before they are flushed to the temporary file. */
	private static final int WINDOW = 100;

	private static final String DATE_TIME = "[$-421]d mmm yyyy hh.mm";

	private static final String DATE = "[$-421]d mmm yyyy";

	private final DashboardQueries queries;

	private final Function<String, String> text;

	private final Formats formats;

	private final ZoneId zone;

	private final Map<String, String> categoryNames;

	private SXSSFWorkbook workbook;

	private CellStyle header;

	private CellStyle dateTime;

	private CellStyle date;

	private CellStyle percent;

	private CellStyle decimal;

	private CellStyle title;

	DashboardWorkbook(DashboardQueries queries, Function<String, String> text, Formats formats, ZoneId zone,
			Map<String, String> categoryNames) {
		this.queries = queries;
		this.text = text;
		this.formats = formats;
		this.zone = zone;
		this.categoryNames = categoryNames;
	}

	void write(OutputStream out, DashboardFilter filter, DashboardFigures figures, Iterable<DinasRow> byDinas)
			throws IOException {
		this.workbook = new SXSSFWorkbook(WINDOW);
		try {
			this.workbook.setCompressTempFiles(true);
			styles();
			summary(filter, figures, byDinas);
			assignments(filter);
			breachBoard(filter);
			this.workbook.write(out);
		}
		finally {
			this.workbook.close();
		}
	}

	private void summary(DashboardFilter filter, DashboardFigures f, Iterable<DinasRow> byDinas) {
		Sheet sheet = this.workbook.createSheet(this.text.apply("dashboard.xlsx.sheet.summary"));
		sheet.setColumnWidth(0, 40 * 256);
		for (int c = 1; c <= 8; c++) {
			sheet.setColumnWidth(c, 18 * 256);
		}
		int at = 0;
		Row row = sheet.createRow(at++);
		cell(row, 0, "UGD Kemiskinan — " + this.text.apply("dashboard.title")).setCellStyle(this.title);
		row = sheet.createRow(at++);
		cell(row, 0, this.text.apply("dashboard.period"));
		date(row, 1, filter.from());
		date(row, 2, filter.to());
		at++;
		at = figure(sheet, at, "dashboard.filed", f.filed());
		at = figure(sheet, at, "dashboard.col.onTime", f.onTime());
		at = figure(sheet, at, "dashboard.col.late", f.late());
		at = figure(sheet, at, "returns.col.returned", f.returned());
		at = figure(sheet, at, "returns.col.returnedLate", f.returnedLate());
		at = figure(sheet, at, "dashboard.col.overdueOpen", f.overdueOpen());
		at = figure(sheet, at, "dashboard.xlsx.pending", f.pending());
		row = sheet.createRow(at++);
		cell(row, 0, this.text.apply("dashboard.compliance"));
		share(row, 1, f.compliance());
		row = sheet.createRow(at++);
		cell(row, 0, this.text.apply("dashboard.xlsx.medianMinutes"));
		decimal(row, 1, f.responseMinutesMedian());
		row = sheet.createRow(at++);
		cell(row, 0, this.text.apply("dashboard.xlsx.p90Minutes"));
		decimal(row, 1, f.responseMinutesP90());
		row = sheet.createRow(at++);
		cell(row, 0, this.text.apply("returns.xlsx.waitMedianMinutes"));
		decimal(row, 1, f.residentWait().minutesMedian());
		row = sheet.createRow(at++);
		cell(row, 0, this.text.apply("returns.xlsx.waitP90Minutes"));
		decimal(row, 1, f.residentWait().minutesP90());
		at = figure(sheet, at, "returns.xlsx.stillWaiting", f.residentWait().stillWaiting());
		at = figure(sheet, at, "dashboard.breachedNow", f.breachedNow());
		at = figure(sheet, at, "dashboard.atRiskNow", f.atRiskNow());
		at++;
		row = sheet.createRow(at++);
		cell(row, 0, this.text.apply("dashboard.byDinas")).setCellStyle(this.title);
		row = sheet.createRow(at++);
		header(row, "dashboard.group.dinas", "dashboard.xlsx.code", "dashboard.compliance", "dashboard.col.onTime",
				"dashboard.col.late", "dashboard.col.overdueOpen", "dashboard.col.breachedNow",
				"dashboard.xlsx.medianMinutes", "returns.col.returned");
		for (DinasRow d : byDinas) {
			row = sheet.createRow(at++);
			cell(row, 0, d.name());
			cell(row, 1, d.code());
			share(row, 2, d.compliance());
			DashboardFigures.Group g = d.figures();
			number(row, 3, g == null ? 0 : g.onTime());
			number(row, 4, g == null ? 0 : g.late());
			number(row, 5, g == null ? 0 : g.overdueOpen());
			number(row, 6, d.breachedNow());
			decimal(row, 7, g == null ? null : g.responseMinutesMedian());
			number(row, 8, g == null ? 0 : g.returned());
		}
		at++;
		row = sheet.createRow(at);
		cell(row, 0, this.text.apply("dashboard.xlsx.target"));
	}

	private void assignments(DashboardFilter filter) {
		SXSSFSheet sheet = this.workbook.createSheet(this.text.apply("dashboard.xlsx.sheet.assignments"));
		int[] widths = { 16, 12, 20, 16, 24, 12, 36, 30, 18, 20, 20, 20, 24, 14 };
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		header(sheet.createRow(0), "case.ticket", "dashboard.xlsx.kecamatanCode", "case.kecamatan",
				"dashboard.xlsx.desaCode", "case.desa", "dashboard.xlsx.dinasCode", "assignment.dinas",
				"case.categories", "assignment.status", "dashboard.xlsx.assignedAt", "assignment.dueAt",
				"dashboard.xlsx.respondedAt", "dashboard.xlsx.outcome", "dashboard.xlsx.responseMinutes");
		sheet.createFreezePane(0, 1);
		int[] at = { 1 };
		this.queries.export(filter, r -> {
			Row row = sheet.createRow(at[0]++);
			cell(row, 0, r.ticket());
			cell(row, 1, r.kecamatanCode());
			cell(row, 2, r.kecamatanName());
			cell(row, 3, r.desaCode());
			cell(row, 4, r.desaName());
			cell(row, 5, r.dinasCode());
			cell(row, 6, r.dinasName());
			cell(row, 7, categories(r.categories()));
			cell(row, 8, this.text.apply("assignmentStatus." + r.status()));
			dateTime(row, 9, r.assignedAt());
			dateTime(row, 10, r.dueAt());
			dateTime(row, 11, r.respondedAt());
			cell(row, 12, this.text
				.apply((r.outcome().startsWith("RETURNED") ? "returns.outcome." : "dashboard.outcome.") + r.outcome()));
			if (r.responseMinutes() != null) {
				row.createCell(13).setCellValue(r.responseMinutes());
			}
		});
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, at[0] - 1), 0, widths.length - 1));
	}

	private void breachBoard(DashboardFilter filter) {
		SXSSFSheet sheet = this.workbook.createSheet(this.text.apply("dashboard.xlsx.sheet.board"));
		int[] widths = { 16, 12, 20, 24, 12, 30, 12, 20, 20, 18, 16 };
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		header(sheet.createRow(0), "case.ticket", "dashboard.xlsx.kecamatanCode", "case.kecamatan", "case.desa",
				"dashboard.xlsx.dinasCode", "case.categories", "case.filter.priority", "dashboard.xlsx.assignedAt",
				"assignment.dueAt", "dashboard.overdueBy", "dashboard.xlsx.overdueMinutes");
		sheet.createFreezePane(0, 1);
		int[] at = { 1 };
		this.queries.breachBoard(filter, r -> {
			Row row = sheet.createRow(at[0]++);
			cell(row, 0, r.ticket());
			cell(row, 1, r.kecamatanCode());
			cell(row, 2, r.kecamatanName());
			cell(row, 3, r.desaName());
			cell(row, 4, r.dinasCode());
			cell(row, 5, categories(r.categories()));
			cell(row, 6, this.text.apply("priority." + r.priority()));
			dateTime(row, 7, r.assignedAt());
			dateTime(row, 8, r.dueAt());
			cell(row, 9, this.formats.duration(r.overdueBy()));
			row.createCell(10).setCellValue(r.overdueBy() == null ? 0 : r.overdueBy().toMinutes());
		});
		if (at[0] == 1) {
			cell(sheet.createRow(1), 0, this.text.apply("dashboard.board.empty"));
		}
	}

	private String categories(String codes) {
		return codes == null ? ""
				: Arrays.stream(codes.split(","))
					.map(c -> this.categoryNames.getOrDefault(c, c))
					.collect(Collectors.joining(", "));
	}

	private int figure(Sheet sheet, int at, String key, long value) {
		Row row = sheet.createRow(at);
		cell(row, 0, this.text.apply(key));
		number(row, 1, value);
		return at + 1;
	}

	private void header(Row row, String... keys) {
		for (int c = 0; c < keys.length; c++) {
			cell(row, c, this.text.apply(keys[c])).setCellStyle(this.header);
		}
	}

	private static Cell cell(Row row, int column, String value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value == null ? "" : value);
		return cell;
	}

	private static void number(Row row, int column, long value) {
		row.createCell(column).setCellValue(value);
	}

	private void share(Row row, int column, Double value) {
		Cell cell = row.createCell(column);
		if (value == null) {
			cell.setCellValue("–");
			return;
		}
		cell.setCellValue(value);
		cell.setCellStyle(this.percent);
	}

	private void decimal(Row row, int column, Double value) {
		Cell cell = row.createCell(column);
		if (value == null) {
			cell.setCellValue("–");
			return;
		}
		cell.setCellValue(value);
		cell.setCellStyle(this.decimal);
	}

	private void dateTime(Row row, int column, Instant instant) {
		if (instant == null) {
			return;
		}
		Cell cell = row.createCell(column);
		cell.setCellValue(instant.atZone(this.zone).toLocalDateTime());
		cell.setCellStyle(this.dateTime);
	}

	private void date(Row row, int column, LocalDate day) {
		Cell cell = row.createCell(column);
		cell.setCellValue(day);
		cell.setCellStyle(this.date);
	}

	private void styles() {
		Font bold = this.workbook.createFont();
		bold.setBold(true);
		this.header = this.workbook.createCellStyle();
		this.header.setFont(bold);
		this.header.setWrapText(true);
		this.title = this.workbook.createCellStyle();
		Font big = this.workbook.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 13);
		this.title.setFont(big);
		short dateTimeFormat = this.workbook.createDataFormat().getFormat(DATE_TIME);
		this.dateTime = this.workbook.createCellStyle();
		this.dateTime.setDataFormat(dateTimeFormat);
		this.date = this.workbook.createCellStyle();
		this.date.setDataFormat(this.workbook.createDataFormat().getFormat(DATE));
		this.percent = this.workbook.createCellStyle();
		this.percent.setDataFormat(this.workbook.createDataFormat().getFormat("0.0%"));
		this.decimal = this.workbook.createCellStyle();
		this.decimal.setDataFormat(this.workbook.createDataFormat().getFormat("#,##0.0"));
	}

}
