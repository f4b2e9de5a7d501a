package id.ugdkemiskinan.residents.imports;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a list row by row as a stream, never the whole file in memory: CSV with Commons
 * CSV (comma, semicolon or tab, UTF-8 with or without BOM), XLSX with POI's SAX event API
 * (its first sheet; date cells as {@code yyyy-MM-dd}, whole numbers such as a NIK typed
 * as a number without exponent). The first non-empty row is the heading row.
 */
final class ListReader {

	/** Gets the rows after the heading row. */
	interface RowHandler {

		/**
		 * @param rowNumber the row's number in the file (the heading row is 1 in a CSV,
		 * its sheet row in an XLSX)
		 * @param cells the row's values by column, trimmed, "" where empty
		 */
		void row(long rowNumber, List<String> cells);

	}

	/** A file that cannot be read as a list (no heading row, a broken XLSX). */
	static final class UnreadableListException extends Exception {

		private static final long serialVersionUID = 1L;

		UnreadableListException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** Ends the read early, e.g. after the heading row. */
	private static final class Stop extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Stop() {
			super(null, null, false, false);
		}

	}

	private final Path file;

	private final ListFormat format;

	private long bytesRead;

	private long bytesTotal;

	ListReader(Path file, ListFormat format) throws IOException {
		this.file = file;
		this.format = format;
		this.bytesTotal = Files.size(file);
	}

	/** How far the read has come, in bytes of {@link #total()}. */
	long position() {
		return Math.min(this.bytesRead, this.bytesTotal);
	}

	/** The bytes to read: the file's (CSV) or its sheet's uncompressed size (XLSX). */
	long total() {
		return this.bytesTotal;
	}

	/** The heading row, or an empty list when the file has none (no rows at all). */
	List<String> headings() throws IOException, UnreadableListException {
		List<String> found = new ArrayList<>();
		try {
			read((headings) -> found.addAll(headings), null);
		}
		catch (Stop ex) {
			// the heading row is all we wanted
		}
		return found;
	}

	/**
	 * Reads the heading row into {@code headings}, then every further row into
	 * {@code rows} ({@code null}: stop after the headings).
	 */
	void read(java.util.function.Consumer<List<String>> headings, RowHandler rows)
			throws IOException, UnreadableListException {
		if (this.format == ListFormat.CSV) {
			readCsv(headings, rows);
		}
		else {
			readXlsx(headings, rows);
		}
	}

	private void readCsv(java.util.function.Consumer<List<String>> headings, RowHandler rows) throws IOException {
		try (InputStream raw = new BufferedInputStream(counting(Files.newInputStream(this.file)), 65536)) {
			raw.mark(65536);
			byte[] head = raw.readNBytes(65536);
			raw.reset();
			char delimiter = delimiter(new String(head, StandardCharsets.UTF_8));
			if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
				raw.skipNBytes(3);
			}
			CSVFormat csv = CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiter)
				.setIgnoreEmptyLines(true)
				.setTrim(true)
				.setIgnoreSurroundingSpaces(true)
				.get();
			Reader reader = new InputStreamReader(raw, StandardCharsets.UTF_8);
			try (CSVParser parser = csv.parse(reader)) {
				boolean first = true;
				for (CSVRecord record : parser) {
					List<String> cells = record.toList();
					if (first) {
						if (cells.stream().allMatch(String::isEmpty)) {
							continue;
						}
						first = false;
						headings.accept(cells);
						if (rows == null) {
							throw new Stop();
						}
						continue;
					}
					if (cells.stream().allMatch(String::isEmpty)) {
						continue;
					}
					rows.row(record.getRecordNumber(), cells);
				}
			}
			catch (java.io.UncheckedIOException ex) {
				throw ex.getCause();
			}
		}
	}

	/** The delimiter of the heading line: the most frequent of comma, semicolon, tab. */
	static char delimiter(String head) {
		int end = head.indexOf('\n');
		String line = (end < 0) ? head : head.substring(0, end);
		int comma = 0;
		int semicolon = 0;
		int tab = 0;
		boolean quoted = false;
		for (char c : line.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted) {
				comma += (c == ',') ? 1 : 0;
				semicolon += (c == ';') ? 1 : 0;
				tab += (c == '\t') ? 1 : 0;
			}
		}
		if (semicolon > comma && semicolon >= tab) {
			return ';';
		}
		return (tab > comma) ? '\t' : ',';
	}

	private void readXlsx(java.util.function.Consumer<List<String>> headings, RowHandler rows)
			throws IOException, UnreadableListException {
		try (OPCPackage pkg = OPCPackage.open(this.file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				return;
			}
			try (InputStream sheet = sheets.next()) {
				PackagePart part = sheets.getSheetPart();
				if (part.getSize() > 0) {
					this.bytesTotal = part.getSize();
				}
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Cells(headings, rows),
						new IsoDates(), false));
				parser.parse(new InputSource(counting(sheet)));
			}
		}
		catch (Stop ex) {
			throw ex;
		}
		catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			if (ex instanceof RuntimeException && ex.getCause() instanceof IOException io) {
				throw io;
			}
			throw new UnreadableListException("Not a readable XLSX: " + ex.getMessage(), ex);
		}
	}

	private InputStream counting(InputStream in) {
		return new FilterInputStream(in) {

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					ListReader.this.bytesRead++;
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					ListReader.this.bytesRead += n;
				}
				return n;
			}

			@Override
			public long skip(long n) throws IOException {
				long skipped = super.skip(n);
				ListReader.this.bytesRead += skipped;
				return skipped;
			}

		};
	}

	/** An XLSX sheet's rows as lists of cells by column. */
	private static final class Cells implements SheetContentsHandler {

		private final java.util.function.Consumer<List<String>> headings;

		private final RowHandler rows;

		private final List<String> cells = new ArrayList<>();

		private boolean headed;

		private int nextColumn;

		Cells(java.util.function.Consumer<List<String>> headings, RowHandler rows) {
			this.headings = headings;
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells.clear();
			this.nextColumn = 0;
		}

		@Override
		public void endRow(int rowNum) {
			if (this.cells.stream().allMatch(String::isEmpty)) {
				return;
			}
			if (!this.headed) {
				this.headed = true;
				this.headings.accept(new ArrayList<>(this.cells));
				if (this.rows == null) {
					throw new Stop();
				}
				return;
			}
			this.rows.row(rowNum + 1L, new ArrayList<>(this.cells));
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			int column = (cellReference != null) ? new CellReference(cellReference).getCol() : this.nextColumn;
			while (this.cells.size() < column) {
				this.cells.add("");
			}
			String value = (formattedValue == null) ? "" : formattedValue.trim();
			if (this.cells.size() == column) {
				this.cells.add(value);
			}
			else {
				this.cells.set(column, value);
			}
			this.nextColumn = column + 1;
		}

	}

	/**
	 * Date cells as {@code yyyy-MM-dd} whatever their display format; whole numbers in
	 * full (a NIK typed as a number would otherwise read 3.51005E+15).
	 */
	private static final class IsoDates extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing);
				return at.toLocalDate().toString();
			}
			if (value == Math.rint(value) && Math.abs(value) < 1e17) {
				return new BigDecimal(value).toPlainString();
			}
			return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
		}

	}

}
