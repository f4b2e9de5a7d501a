package id.ugdkemiskinan.dashboard;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.CategoryRef;
import id.ugdkemiskinan.common.Formats;
import id.ugdkemiskinan.common.Locales;
import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;

/**
 * The dashboard's exports for a user's filters: the figures are read when the export is
 * asked for (a refused filter is an {@link InvalidDashboardFilterException} then), the
 * rows only once the answer's headers are out ({@link Export#writeTo}), streamed as they
 * come from the database.
 */
@Component
class DashboardExports {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** An export ready to stream: its type, its download header, and its body. */
	record Export(String contentType, String contentDisposition, Body body) {

		void writeTo(OutputStream out) throws IOException {
			this.body.writeTo(out);
		}

	}

	@FunctionalInterface
	interface Body {

		void writeTo(OutputStream out) throws IOException;

	}

	/** One assignment of the CSV export, its columns in their order. */
	@JsonPropertyOrder({ "tiket", "kecamatan", "desa", "dinas", "status", "ditugaskan", "batas", "direspon",
			"hasil_sla", "menit_respon" })
	record CsvRow(@JsonProperty("tiket") String ticket, @JsonProperty("kecamatan") String kecamatanCode,
			@JsonProperty("desa") String desaCode, @JsonProperty("dinas") String dinasCode,
			@JsonProperty("status") String status, @JsonProperty("ditugaskan") String assignedAt,
			@JsonProperty("batas") String dueAt, @JsonProperty("direspon") String respondedAt,
			@JsonProperty("hasil_sla") String outcome, @JsonProperty("menit_respon") Long responseMinutes) {
	}

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();

	private static final CsvSchema ROWS = CSV.schemaFor(CsvRow.class)
		.withColumnSeparator(';')
		.withLineSeparator("\r\n")
		.withNullValue("")
		.withHeader();

	private final DashboardQueries queries;

	private final DashboardFilters filters;

	private final DashboardPage page;

	private final Agencies agencies;

	private final MessageSource messages;

	private final Formats formats;

	private final ZoneId zone;

	DashboardExports(DashboardQueries queries, DashboardFilters filters, DashboardPage page, Agencies agencies,
			MessageSource messages, Formats formats, TimeProperties properties) {
		this.queries = queries;
		this.filters = filters;
		this.page = page;
		this.agencies = agencies;
		this.messages = messages;
		this.formats = formats;
		this.zone = properties.zone();
	}

	/**
	 * The period's assignments with their SLA outcome, UTF-8 CSV with a BOM and {@code ;}
	 * so an Indonesian Excel opens it cleanly; the period and its figures first, as
	 * {@code #} lines.
	 */
	Export csv(CurrentUser user, DashboardInput input) {
		DashboardFilter filter = this.filters.resolve(user, input);
		DashboardFigures figures = this.queries.figures(filter);
		return new Export("text/csv;charset=UTF-8", attachment(filter, "csv"), out -> writeCsv(out, filter, figures));
	}

	/**
	 * The same as an Excel workbook (streamed, {@link DashboardWorkbook}): the summary
	 * with the by-dinas table, the period's assignments with names beside codes and
	 * Indonesian dates, and the live breach board.
	 */
	Export xlsx(CurrentUser user, DashboardInput input) {
		DashboardFilter filter = this.filters.resolve(user, input);
		DashboardFigures figures = this.queries.figures(filter);
		List<DinasRow> byDinas = this.page.byDinas(figures, this.queries.breachedNowByDinas(filter));
		Locale locale = LocaleContextHolder.getLocale();
		return new Export(XLSX, attachment(filter, "xlsx"), out -> new DashboardWorkbook(this.queries,
				key -> this.messages.getMessage(key, null, locale), this.formats, this.zone,
				this.agencies.categories().stream().collect(Collectors.toMap(CategoryRef::code, CategoryRef::name)))
			.write(out, filter, figures, byDinas));
	}

	private void writeCsv(OutputStream out, DashboardFilter filter, DashboardFigures figures) throws IOException {
		Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		csv.write("\uFEFF");
		csv.append("# UGD Kemiskinan — SLA ")
			.append(filter.from().toString())
			.append(" s.d. ")
			.append(filter.to().toString())
			.append("\r\n");
		csv.append(this.messages.getMessage("returns.csv.header", null, Locales.INDONESIAN)).append("\r\n");
		csv.append("# ")
			.append(Long.toString(figures.onTime()))
			.append(';')
			.append(Long.toString(figures.late()))
			.append(';')
			.append(Long.toString(figures.overdueOpen()))
			.append(';')
			.append(Long.toString(figures.pending()))
			.append(';')
			.append(figures.compliance() == null ? "" : String.format(Locale.ROOT, "%.4f", figures.compliance()))
			.append(';')
			.append(number(figures.responseMinutesMedian()))
			.append(';')
			.append(number(figures.responseMinutesP90()))
			.append(';')
			.append(Long.toString(figures.returned()))
			.append(';')
			.append(Long.toString(figures.returnedLate()))
			.append(';')
			.append(number(figures.residentWait().minutesMedian()))
			.append(';')
			.append(number(figures.residentWait().minutesP90()))
			.append(';')
			.append(Long.toString(figures.residentWait().stillWaiting()))
			.append("\r\n");
		DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(this.zone);
		try (SequenceWriter rows = CSV.writer(ROWS).without(StreamWriteFeature.AUTO_CLOSE_TARGET).writeValues(csv)) {
			this.queries.export(filter, r -> rows.write(new CsvRow(r.ticket(), r.kecamatanCode(), r.desaCode(),
					r.dinasCode(), r.status(), time.format(r.assignedAt()), time.format(r.dueAt()),
					r.respondedAt() == null ? null : time.format(r.respondedAt()), r.outcome(), r.responseMinutes())));
		}
		csv.flush();
	}

	private static String attachment(DashboardFilter filter, String extension) {
		return ContentDisposition.attachment()
			.filename("sla-" + filter.from() + "-" + filter.to() + "." + extension)
			.build()
			.toString();
	}

	private static String number(Double value) {
		return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
	}

}
