package id.ugdkemiskinan.residents.proposals;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.function.BiFunction;

import id.ugdkemiskinan.common.Formats;
import id.ugdkemiskinan.residents.registry.NikFacts;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * The BNBA (by name by address) list of a desa's pending data correction proposals, as
 * the musdes and SIKS-NG's operators read it: one sheet, one row per proposal, NIK and KK
 * as text (never a number that loses its digits), dates as text ({@code dd-MM-yyyy} for
 * the birth date, the app's "23 Nov 2026 14.05" for the proposal's instants). Streamed
 * (SXSSF: a window of rows in memory, the rest in a compressed temporary file). No
 * reporter identity: the query reads none.
 */
final class BnbaWorkbook implements AutoCloseable {

	private static final int WINDOW = 100;

	static final String[] COLUMNS = { "no", "kind", "nik", "kk", "name", "sex", "birthDate", "address", "rt", "rw",
			"desa", "kecamatan", "desil", "ticket", "proposedAt", "dueAt", "note" };

	private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);

	private final SXSSFSheet sheet;

	private final BiFunction<String, Object[], String> text;

	private final Formats formats;

	private final Instant now;

	private int next = 1;

	BnbaWorkbook(BiFunction<String, Object[], String> text, Formats formats, Instant now) {
		this.text = text;
		this.formats = formats;
		this.now = now;
		this.workbook.setCompressTempFiles(true);
		this.sheet = this.workbook.createSheet(text.apply("usul.bnba.sheet", new Object[0]));
		CellStyle header = this.workbook.createCellStyle();
		Font bold = this.workbook.createFont();
		bold.setBold(true);
		header.setFont(bold);
		Row row = this.sheet.createRow(0);
		for (int c = 0; c < COLUMNS.length; c++) {
			row.createCell(c).setCellValue(text.apply("usul.bnba.col." + COLUMNS[c], new Object[0]));
			row.getCell(c).setCellStyle(header);
			this.sheet.setColumnWidth(c, (c == 7 ? 40 : c == 0 ? 6 : 20) * 256);
		}
		this.sheet.createFreezePane(0, 1);
	}

	void add(ProposalQueries.BnbaRow r) {
		Row row = this.sheet.createRow(this.next);
		row.createCell(0).setCellValue(this.next);
		this.next++;
		NikFacts facts = NikFacts.of(r.nik(), java.time.LocalDate.ofInstant(this.now, java.time.ZoneOffset.UTC));
		String sex = r.sex() != null ? r.sex() : facts.sex();
		java.time.LocalDate birth = r.birthDate() != null ? r.birthDate() : facts.birthDate();
		text(row, 1, r.kindName());
		text(row, 2, r.nik());
		text(row, 3, r.kk());
		text(row, 4, r.name());
		text(row, 5, sex == null ? null : this.text.apply("usul.bnba.sex." + sex, new Object[0]));
		text(row, 6, birth == null ? null : BIRTH.format(birth));
		text(row, 7, r.address());
		text(row, 8, r.rt());
		text(row, 9, r.rw());
		text(row, 10, r.desaName());
		text(row, 11, r.kecamatanName());
		if (r.desil() != null) {
			row.createCell(12).setCellValue(r.desil());
		}
		text(row, 13, r.ticket());
		text(row, 14, this.formats.dateTime(r.proposedAt()));
		text(row, 15, this.formats.dateTime(r.dueAt()));
		text(row, 16, r.overdue() ? this.text.apply("usul.bnba.overdue", new Object[0]) : null);
	}

	private static void text(Row row, int column, @Nullable String value) {
		if (value != null) {
			row.createCell(column).setCellValue(value);
		}
	}

	void write(OutputStream out) throws IOException {
		this.workbook.write(out);
	}

	@Override
	public void close() throws IOException {
		this.workbook.close();
	}

}
