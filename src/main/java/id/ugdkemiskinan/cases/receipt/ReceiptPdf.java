package id.ugdkemiskinan.cases.receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import id.ugdkemiskinan.common.Formats;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The receipt as a PDF (OpenPDF): what the print page shows, on A6 or A4, with the QR
 * code of the status form.
 */
@Component
class ReceiptPdf {

	private final MessageSource messages;

	private final Formats formats;

	ReceiptPdf(MessageSource messages, Formats formats) {
		this.messages = messages;
		this.formats = formats;
	}

	byte[] render(ReceiptView receipt, String kabupatenName, ReceiptSize size, Locale locale) {
		boolean small = size == ReceiptSize.A6;
		Rectangle page = small ? PageSize.A6 : PageSize.A4;
		float margin = small ? 16 : 48;
		float scale = small ? 1f : 1.6f;
		Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10 * scale);
		Font label = FontFactory.getFont(FontFactory.HELVETICA, 6.5f * scale);
		Font text = FontFactory.getFont(FontFactory.HELVETICA, 7.5f * scale);
		Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7.5f * scale);
		Font big = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15 * scale);
		Font code = FontFactory.getFont(FontFactory.COURIER_BOLD, 13 * scale);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(page, margin, margin, margin, margin);
		try {
			PdfWriter.getInstance(document, out);
			document.addTitle(message("receipt.title", locale) + " " + receipt.ticket());
			document.open();
			Paragraph title = new Paragraph(message("receipt.title", locale), heading);
			title.setAlignment(Element.ALIGN_CENTER);
			document.add(title);
			Paragraph from = new Paragraph(message("receipt.issuer", locale, kabupatenName), label);
			from.setAlignment(Element.ALIGN_CENTER);
			from.setSpacingAfter(3 * scale);
			document.add(from);

			document.add(new Paragraph(message("receipt.ticket", locale), label));
			document.add(new Paragraph(big.getSize() * 1.1f, receipt.ticket(), big));
			document.add(new Paragraph(message("receipt.code", locale), label));
			document.add(new Paragraph(code.getSize() * 1.1f, receipt.accessCode(), code));
			document.add(new Paragraph(message("receipt.code.keep", locale), label));
			Paragraph filed = new Paragraph(
					message("receipt.filedAt", locale, this.formats.zonedDateTime(receipt.filedAt())), text);
			filed.setSpacingBefore(2 * scale);
			document.add(filed);

			document.add(labelled(message("receipt.dinas", locale), label, scale));
			for (ReceiptView.DinasDue dinas : receipt.dinas()) {
				Paragraph line = new Paragraph(text.getSize() * 1.2f, dinas.name(), bold);
				String due = dinas.workingHours() ? this.formats.zonedWeekdayDateTime(dinas.dueAt())
						: this.formats.zonedDateTime(dinas.dueAt());
				line.add(new Chunk(" — " + message(dinas.dueByKey(), locale, due), text));
				document.add(line);
			}

			document.add(labelled(message("receipt.contact", locale), label, scale));
			StringBuilder contact = new StringBuilder(message("receipt.upt", locale, receipt.kecamatanName()));
			if (receipt.contactPhone() != null) {
				contact.append(" · ").append(message("receipt.phone", locale, receipt.contactPhone()));
			}
			if (receipt.contactEmail() != null) {
				contact.append(" · ").append(message("receipt.email", locale, receipt.contactEmail()));
			}
			document.add(new Paragraph(text.getSize() * 1.2f, contact.toString(), text));

			// The QR code beside how to check the status.
			PdfPTable check = new PdfPTable(new float[] { 1f, 1.9f });
			check.setWidthPercentage(100);
			check.setSpacingBefore(5 * scale);
			Image qr = Image.getInstance(QrCodes.png(receipt.statusPageOfCase()));
			qr.scaleAbsolute(84 * scale, 84 * scale);
			PdfPCell image = new PdfPCell(qr, false);
			image.setBorder(Rectangle.NO_BORDER);
			image.setVerticalAlignment(Element.ALIGN_MIDDLE);
			check.addCell(image);
			PdfPCell how = new PdfPCell();
			how.setBorder(Rectangle.NO_BORDER);
			how.setVerticalAlignment(Element.ALIGN_MIDDLE);
			how.addElement(new Paragraph(message("receipt.check", locale), label));
			how.addElement(new Paragraph(text.getSize() * 1.2f,
					message("receipt.check.how", locale, receipt.statusPage()), text));
			how.addElement(new Paragraph(text.getSize() * 1.2f, receipt.statusPage(), bold));
			how.addElement(new Paragraph(message("receipt.qr.hint", locale), label));
			check.addCell(how);
			document.add(check);
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("The receipt of " + receipt.ticket() + " cannot be made", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static Paragraph labelled(String label, Font font, float scale) {
		Paragraph paragraph = new Paragraph(label, font);
		paragraph.setSpacingBefore(3 * scale);
		return paragraph;
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
