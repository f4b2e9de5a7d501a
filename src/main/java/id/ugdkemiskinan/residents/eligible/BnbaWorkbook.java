package id.ugdkemiskinan.residents.eligible;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.common.Locales;
import id.ugdkemiskinan.residents.registry.RegistryScope;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The BNBA file ("by name by address") of one desa's eligible households: one row per
 * member, with the columns a musdes and SIKS-NG's operators work with, in Bahasa
 * Indonesia. Written with SXSSF (a window of {@link #WINDOW} rows in memory, the rest on
 * disk) from the rows' cursor, so a desa of any size streams in constant memory. The NIK
 * and KK are full (it is the desa's working list, whose every download is in the access
 * log) and written as text (16 digits do not survive as a number); no reporter appears.
 */
@Component
class BnbaWorkbook {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final int WINDOW = 100;

	/** The columns, as message keys {@code elig.bnba.col.<name>}. */
	static final List<String> COLUMNS = List.of("no", "nik", "kk", "name", "sex", "birthDate", "age", "relation",
			"address", "rt", "rw", "desa", "kecamatan", "desil", "desilSource", "desilDate", "lastAid", "lastAidDate",
			"vulnerability", "remarks");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private final EligibleQueries queries;

	private final MessageSource messages;

	private final Agencies agencies;

	BnbaWorkbook(EligibleQueries queries, MessageSource messages, Agencies agencies) {
		this.queries = queries;
		this.messages = messages;
		this.agencies = agencies;
	}

	@Transactional(readOnly = true)
	void write(OutputStream out, RegistryScope scope, EligibleQueries.Criteria criteria, String kecamatanName,
			String desaName) throws IOException {
		Map<String, String> interventions = this.agencies.interventionNames();
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
			SXSSFSheet sheet = workbook.createSheet(text("elig.bnba.sheet"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row header = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.size(); i++) {
				header.createCell(i).setCellValue(text("elig.bnba.col." + COLUMNS.get(i)));
				header.getCell(i).setCellStyle(bold);
			}
			sheet.createFreezePane(0, 1);
			int[] number = { 0 };
			this.queries.members(scope, criteria, member -> {
				number[0]++;
				Row row = sheet.createRow(number[0]);
				int c = 0;
				row.createCell(c++).setCellValue(number[0]);
				row.createCell(c++).setCellValue(orDash(member.nik()));
				row.createCell(c++).setCellValue(orDash(member.kk()));
				row.createCell(c++).setCellValue(member.name());
				row.createCell(c++).setCellValue(sex(member.sex()));
				row.createCell(c++).setCellValue(date(member.birthDate()));
				if (member.birthDate() != null) {
					row.createCell(c++).setCellValue(Period.between(member.birthDate(), criteria.today()).getYears());
				}
				else {
					row.createCell(c++).setCellValue("-");
				}
				// The registry does not know who is the head or a child: "-".
				row.createCell(c++).setCellValue("-");
				row.createCell(c++).setCellValue(member.address());
				row.createCell(c++).setCellValue(orDash(member.rt()));
				row.createCell(c++).setCellValue(orDash(member.rw()));
				row.createCell(c++).setCellValue(desaName);
				row.createCell(c++).setCellValue(kecamatanName);
				row.createCell(c++).setCellValue(member.desil());
				row.createCell(c++).setCellValue(orDash(member.desilSource()));
				row.createCell(c++).setCellValue(date(member.desilAsOf()));
				row.createCell(c++)
					.setCellValue(member.lastAidCode() == null ? text("elig.aid.never")
							: interventions.getOrDefault(member.lastAidCode(), member.lastAidCode()));
				row.createCell(c++).setCellValue(date(member.lastAidOn()));
				row.createCell(c++).setCellValue(vulnerability(member.reasons()));
				row.createCell(c).setCellValue(remarks(member));
			});
			int[] widths = { 6, 20, 20, 28, 12, 14, 6, 10, 36, 5, 5, 20, 18, 6, 18, 14, 30, 16, 30, 36 };
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(i, widths[i] * 256);
			}
			workbook.write(out);
		}
		out.flush();
	}

	private String vulnerability(List<String> reasons) {
		List<String> labels = new ArrayList<>();
		reasons.forEach(r -> labels.add(text("elig.vuln." + r)));
		return labels.isEmpty() ? "-" : String.join(", ", labels);
	}

	private String remarks(EligibleQueries.Member member) {
		List<String> remarks = new ArrayList<>();
		if (member.nik() == null) {
			remarks.add(text("elig.bnba.noNik", member.nikUnknownReason() == null ? "-" : member.nikUnknownReason()));
		}
		if (member.lastAidOn() == null) {
			remarks.add(text("elig.bnba.neverHelped"));
		}
		return remarks.isEmpty() ? "-" : String.join("; ", remarks);
	}

	private String sex(String sex) {
		if ("L".equals(sex)) {
			return text("elig.bnba.sex.L");
		}
		if ("P".equals(sex)) {
			return text("elig.bnba.sex.P");
		}
		return "-";
	}

	private static String date(LocalDate date) {
		return date == null ? "-" : DATE.format(date);
	}

	private static String orDash(String value) {
		return value == null || value.isBlank() ? "-" : value;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locales.INDONESIA);
	}

}
