package id.ugdkemiskinan.cases.receipt;

import java.util.Locale;

import id.ugdkemiskinan.cases.receipt.Receipts.Medium;
import id.ugdkemiskinan.region.Kabupaten;
import id.ugdkemiskinan.users.CurrentUser;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The receipt: the print page ({@code ?ukuran=a4} for A4, else A6), the PDF, the QR image
 * of the status form, and "Kirim lewat WhatsApp". Only the operators of the case's
 * kecamatan get it; for everyone else it does not exist (404). The page and the PDF each
 * record one showing; the QR image records none.
 */
@Controller
class ReceiptController {

	private final Receipts receipts;

	private final ReceiptPdf pdf;

	private final Kabupaten kabupaten;

	ReceiptController(Receipts receipts, ReceiptPdf pdf, Kabupaten kabupaten) {
		this.receipts = receipts;
		this.pdf = pdf;
		this.kabupaten = kabupaten;
	}

	@GetMapping("/kasus/{ticket}/tanda-terima")
	String showReceipt(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@RequestParam(name = "ukuran", required = false) @Nullable String ukuran, Model model) {
		ReceiptSize size = ReceiptSize.of(ukuran);
		ReceiptView receipt = this.receipts.show(ticket, user, Medium.PRINT);
		model.addAttribute("receipt", receipt);
		model.addAttribute("size", size.param());
		return "cases/receipt";
	}

	@GetMapping("/kasus/{ticket}/tanda-terima.pdf")
	ResponseEntity<byte[]> downloadReceipt(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@RequestParam(name = "ukuran", required = false) @Nullable String ukuran, Locale locale) {
		ReceiptSize size = ReceiptSize.of(ukuran);
		ReceiptView receipt = this.receipts.show(ticket, user, Medium.PDF);
		byte[] body = this.pdf.render(receipt, this.kabupaten.name(), size, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("tanda-terima-" + receipt.ticket() + ".pdf")
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

	@GetMapping("/kasus/{ticket}/tanda-terima/qr.png")
	ResponseEntity<byte[]> showQrCode(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket) {
		ReceiptView receipt = this.receipts.find(ticket, user);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(QrCodes.png(receipt.statusPageOfCase()));
	}

	@PostMapping("/kasus/{ticket}/tanda-terima/whatsapp")
	String sendByWhatsApp(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			RedirectAttributes redirect) {
		ReceiptView receipt = this.receipts.find(ticket, user);
		if (receipt.consentPhone() == null) {
			redirect.addFlashAttribute("flashError", "receipt.whatsapp.noConsent");
			return "redirect:/kasus/" + receipt.ticket();
		}
		this.receipts.show(ticket, user, Medium.WHATSAPP);
		redirect.addFlashAttribute("flashSuccess", "receipt.whatsapp.sent");
		return "redirect:/kasus/" + receipt.ticket();
	}

}
