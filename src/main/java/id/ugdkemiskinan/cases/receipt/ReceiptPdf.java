package id.ugdkemiskinan.cases.receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
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
		float margin = small ? 18 : 48;
		float scale = small ? 1f : 1.6f;
		Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10 * scale);
		Font label = FontFactory.getFont(FontFactory.HELVETICA, 7 * scale);
		Font text = FontFactory.getFont(FontFactory.HELVETICA, 8 * scale);
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
			from.setSpacingAfter(4 * scale);
			document.add(from);

			document.add(new Paragraph(message("receipt.ticket", locale), label));
			document.add(new Paragraph(receipt.ticket(), big));
			document.add(new Paragraph(message("receipt.code", locale), label));
			document.add(new Paragraph(receipt.accessCode(), code));
			Paragraph keep = new Paragraph(message("receipt.code.keep", locale), label);
			keep.setSpacingAfter(3 * scale);
			document.add(keep);
			document.add(new Paragraph(
					message("receipt.filedAt", locale, this.formats.zonedDateTime(receipt.filedAt())), text));

			Paragraph dinasTitle = new Paragraph(message("receipt.dinas", locale), label);
			dinasTitle.setSpacingBefore(3 * scale);
			document.add(dinasTitle);
			for (ReceiptView.DinasDue dinas : receipt.dinas()) {
				document.add(new Paragraph(dinas.name() + " — "
						+ message("receipt.dueBy", locale, this.formats.zonedDateTime(dinas.dueAt())), text));
			}

			Paragraph contactTitle = new Paragraph(message("receipt.contact", locale), label);
			contactTitle.setSpacingBefore(3 * scale);
			document.add(contactTitle);
			document.add(new Paragraph(message("receipt.upt", locale, receipt.kecamatanName()), text));
			if (receipt.contactPhone() != null) {
				document.add(new Paragraph(message("receipt.phone", locale, receipt.contactPhone()), text));
			}
			if (receipt.contactEmail() != null) {
				document.add(new Paragraph(message("receipt.email", locale, receipt.contactEmail()), text));
			}

			Paragraph check = new Paragraph(message("receipt.check", locale), label);
			check.setSpacingBefore(3 * scale);
			document.add(check);
			document.add(new Paragraph(message("receipt.check.how", locale, receipt.statusPage()), text));
			Image qr = Image.getInstance(QrCodes.png(receipt.statusPageOfCase()));
			qr.scaleAbsolute(86 * scale, 86 * scale);
			qr.setAlignment(Element.ALIGN_CENTER);
			document.add(qr);
			Paragraph scan = new Paragraph(message("receipt.qr.hint", locale), label);
			scan.setAlignment(Element.ALIGN_CENTER);
			document.add(scan);
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

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
