package id.ugdkemiskinan.browser;

import id.ugdkemiskinan.support.CaseData;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receipt as the operator meets it: the filing form with the consent box, the case
 * page right after filing with "Cetak tanda terima", the receipt page (its print button
 * shown by script, its print layout), and the case page with the consent and the code
 * given. Each page is looked at ({@link Browser#look}) at 1366 and 360 px.
 */
@TestPropertySource(properties = { "ugd.demo.cases=false", "ugd.dashboard.rollup-enabled=false",
		"ugd.test.database=ugd_receipt_browser" })
class ReceiptBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	private String ticket;

	@Test
	@Order(1)
	void theOperatorFilesWithConsentAndIsAskedForTheReceipt() {
		this.browser.login("upt.muncar");
		this.browser.open("/kasus/baru");
		this.browser.look("filing-form");
		this.browser.open("/kasus/baru");
		new Select(this.browser.find("#desaCode")).selectByValue(CaseData.MUNCAR_DESA);
		this.browser.type("#address", "Dusun Krajan, Jl. Pelabuhan 12");
		this.browser.type("#beneficiaryName", "Mbok Sumiati");
		this.browser.type("#nik", CaseData.nik());
		new Select(this.browser.find("#channel")).selectByValue("LANGSUNG");
		this.browser.find("#category-KESEHATAN").click();
		this.browser.find("#category-PENDIDIKAN").click();
		this.browser.type("#description", "Anak putus sekolah, ibu sakit menahun dan tidak punya BPJS.");
		this.browser.find("#residentConsent1").click();
		this.browser.clickToLoad(".form-actions button[type=submit]");
		assertThat(this.browser.pageText()).contains("Isi nomor HP warga untuk mengirim kabar");

		this.browser.type("#beneficiaryPhone", "0812-3456-7890");
		this.browser.clickToLoad(".form-actions button[type=submit]");
		assertThat(this.browser.path()).startsWith("/kasus/UGD-");
		this.ticket = this.browser.path().substring("/kasus/".length());
		assertThat(this.browser.pageText()).contains("Cetak tanda terima", "Kode akses: belum diberikan",
				"Warga setuju menerima kabar ke +6281234567890");
		this.browser.look("case-filed");
	}

	@Test
	@Order(2)
	void theReceiptPageOnScreenAndPrinted() {
		this.browser.clickToLoad(".receipt-actions a[href$='/tanda-terima']");
		assertThat(this.browser.path()).isEqualTo("/kasus/" + this.ticket + "/tanda-terima");
		assertThat(this.browser.find("[data-print]").isDisplayed()).isTrue();
		assertThat(this.browser.pageText()).contains(this.ticket, "wajib merespon paling lambat");
		assertThat((Boolean) this.browser.js("return document.querySelector('.receipt-qr').naturalWidth > 0;"))
			.isTrue();
		this.browser.look("receipt");
		this.browser.print(true);
		this.browser.look("receipt-print-a6");
		this.browser.open("/kasus/" + this.ticket + "/tanda-terima?ukuran=a4");
		this.browser.look("receipt-print-a4");
		this.browser.print(false);
	}

	@Test
	@Order(3)
	void theCasePageSaysTheCodeWasGiven() {
		this.browser.open("/kasus/" + this.ticket);
		assertThat(this.browser.pageText()).contains("Kode akses: sudah diberikan kepada warga", "Tanda terima",
				"Cabut persetujuan");
		this.browser.look("case-receipt-given");
		assertThat(this.browser.problems()).isEmpty();
	}

}
