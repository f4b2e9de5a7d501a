package id.ugdkemiskinan.cases.receipt;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.servlet.http.Cookie;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import id.ugdkemiskinan.cases.ReceiptIssued;
import id.ugdkemiskinan.cases.domain.AccessCodes;
import id.ugdkemiskinan.common.Formats;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The receipt: its page and PDF carry the ticket, the code, the dinas with their due
 * times and the status page with a QR code that reads back as the status form of the
 * case; only the kecamatan's UPT gets it, every showing is an event, and staff pages no
 * longer show the code.
 */
@IntegrationTest
@RecordApplicationEvents
class ReceiptTests {

	static final String STATUS_PAGE = "http://localhost:8080/cek";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Formats formats;

	@Autowired
	ApplicationEvents published;

	Cookie muncar;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void logIn() throws Exception {
		this.muncar = Logins.login(this.mvc, "upt.muncar");
	}

	@Test
	void thePdfHasTheTicketTheCodeEachDinasWithItsDueTimeAndTheStatusPage() throws Exception {
		String ticket = fileCase("KESEHATAN", "PENDIDIKAN");
		MvcResult result = this.mvc.perform(get("/kasus/{t}/tanda-terima.pdf", ticket).cookie(this.muncar))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(
					header().string("Content-Disposition", "attachment; filename=\"tanda-terima-" + ticket + ".pdf\""))
			.andReturn();

		// Kept for a look (target/receipts/).
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "receipts"));
		java.nio.file.Files.write(java.nio.file.Path.of("target", "receipts", "receipt-a6.pdf"),
				result.getResponse().getContentAsByteArray());
		try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains(ticket, AccessCodes.format(accessCode(ticket)), "Dinas Kesehatan",
					"Dinas Pendidikan", STATUS_PAGE, "UPT Kecamatan Muncar");
			for (Instant due : dueTimes(ticket)) {
				assertThat(text).contains("wajib merespon paling lambat " + this.formats.zonedDateTime(due));
			}
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			PDPage page = pdf.getPage(0);
			assertThat(page.getMediaBox().getWidth()).isCloseTo(297.6f, within(1f));
			assertThat(page.getMediaBox().getHeight()).isCloseTo(419.5f, within(1f));
			List<BufferedImage> images = images(page);
			assertThat(images).hasSize(1);
			assertThat(decode(images.get(0))).isEqualTo(STATUS_PAGE + "/" + ticket);
		}
	}

	@Test
	void aCaseSentToEveryDinasStillFitsOneA6Page() throws Exception {
		String ticket = fileCase("KESEHATAN", "PENDIDIKAN", "BANTUAN_SOSIAL", "RUMAH_TIDAK_LAYAK_HUNI",
				"EKONOMI_PEKERJAAN", "LAINNYA");
		byte[] body = this.mvc.perform(get("/kasus/{t}/tanda-terima.pdf", ticket).cookie(this.muncar))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "receipts"));
		java.nio.file.Files.write(java.nio.file.Path.of("target", "receipts", "receipt-a6-every-dinas.pdf"), body);
		try (PDDocument pdf = Loader.loadPDF(body)) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Dinas Sosial", "Badan Pemberdayaan Masyarakat dan Desa", "Sekretariat UGD");
			assertThat(decode(images(pdf.getPage(0)).get(0))).isEqualTo(STATUS_PAGE + "/" + ticket);
		}
	}

	@Test
	void thePdfOnA4() throws Exception {
		String ticket = fileCase("KESEHATAN");
		byte[] body = this.mvc
			.perform(get("/kasus/{t}/tanda-terima.pdf", ticket).param("ukuran", "a4").cookie(this.muncar))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "receipts"));
		java.nio.file.Files.write(java.nio.file.Path.of("target", "receipts", "receipt-a4.pdf"), body);
		try (PDDocument pdf = Loader.loadPDF(body)) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, within(1f));
			assertThat(pdf.getPage(0).getMediaBox().getHeight()).isCloseTo(842f, within(1f));
			assertThat(decode(images(pdf.getPage(0)).get(0))).isEqualTo(STATUS_PAGE + "/" + ticket);
		}
	}

	@Test
	void thePageShowsTheReceiptWithItsPrintSizeAndTheQrImageReadsBackAsTheStatusForm() throws Exception {
		String ticket = fileCase("KESEHATAN", "PENDIDIKAN");
		String page = page("/kasus/" + ticket + "/tanda-terima");
		assertThat(page).contains(ticket, AccessCodes.format(accessCode(ticket)), "Dinas Kesehatan", "Dinas Pendidikan",
				STATUS_PAGE, "UPT Kecamatan Muncar", "Tekan Ctrl+P", "/static/css/receipt-a6-",
				"/kasus/" + ticket + "/tanda-terima/qr.png");
		for (Instant due : dueTimes(ticket)) {
			assertThat(page).contains("wajib merespon paling lambat " + this.formats.zonedDateTime(due));
		}
		// The filing operator's demo contact.
		assertThat(page).contains("upt.muncar@ugd.test");
		assertThat(page("/kasus/" + ticket + "/tanda-terima?ukuran=a4")).contains("/static/css/receipt-a4-",
				"Ukuran A6");

		byte[] png = this.mvc.perform(get("/kasus/{t}/tanda-terima/qr.png", ticket).cookie(this.muncar))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(decode(ImageIO.read(new ByteArrayInputStream(png)))).isEqualTo(STATUS_PAGE + "/" + ticket);
	}

	@Test
	void theFirstShowingIsTheIssueLaterOnesReprintsAndTheQrImageNone() throws Exception {
		String ticket = fileCase("KESEHATAN");
		assertThat(issuedAt(ticket)).isNull();
		assertThat(page("/kasus/" + ticket)).contains("Kode akses: belum diberikan kepada warga");

		page("/kasus/" + ticket + "/tanda-terima");
		Instant issued = issuedAt(ticket);
		assertThat(issued).isNotNull();
		this.mvc.perform(get("/kasus/{t}/tanda-terima/qr.png", ticket).cookie(this.muncar)).andExpect(status().isOk());
		// A HEAD request (a link checker) gets nothing, and records nothing.
		this.mvc.perform(head("/kasus/{t}/tanda-terima", ticket).cookie(this.muncar)).andExpect(status().isForbidden());
		this.mvc.perform(head("/kasus/{t}/tanda-terima.pdf", ticket).cookie(this.muncar))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/kasus/{t}/tanda-terima.pdf", ticket).cookie(this.muncar)).andExpect(status().isOk());
		// A reload (or the print dialog) within ten minutes is the same showing.
		page("/kasus/" + ticket + "/tanda-terima?ukuran=a4");
		this.mvc.perform(get("/kasus/{t}/tanda-terima.pdf", ticket).cookie(this.muncar)).andExpect(status().isOk());
		assertThat(receiptEvents(ticket)).containsExactly("RECEIPT_ISSUED:PRINT", "RECEIPT_REPRINTED:PDF");
		this.clock.advance(Duration.ofMinutes(11));
		page("/kasus/" + ticket + "/tanda-terima?ukuran=a4");

		assertThat(receiptEvents(ticket)).containsExactly("RECEIPT_ISSUED:PRINT", "RECEIPT_REPRINTED:PDF",
				"RECEIPT_REPRINTED:PRINT");
		assertThat(issuedAt(ticket)).isEqualTo(issued);
		List<ReceiptIssued> events = this.published.stream(ReceiptIssued.class)
			.filter(e -> e.ticket().equals(ticket))
			.toList();
		assertThat(events).extracting(e -> e.medium() + ":" + e.reprint())
			.containsExactly("PRINT:false", "PDF:true", "PRINT:true");
		assertThat(events).allSatisfy(e -> assertThat(e.kecamatanCode()).isEqualTo("35.10.05"));
		assertThat(page("/kasus/" + ticket)).contains("Kode akses: sudah diberikan kepada warga",
				"Tanda terima diberikan kepada warga", "Tanda terima dicetak ulang", "Diunduh sebagai PDF");
	}

	@Test
	void onlyTheOperatorsOfTheKecamatanGetTheReceipt() throws Exception {
		String ticket = fileCase("KESEHATAN");
		for (String other : List.of("upt.genteng", "dinkes", "dinsos", "sekretariat", "pimpinan")) {
			Cookie session = Logins.login(this.mvc, other);
			for (String path : List.of("/tanda-terima", "/tanda-terima.pdf", "/tanda-terima/qr.png")) {
				this.mvc.perform(get("/kasus/" + ticket + path).cookie(session))
					.andExpect(status().isNotFound())
					.andExpect(result -> assertThat(result.getResponse().getContentAsString())
						.doesNotContain(AccessCodes.format(accessCode(ticket))));
			}
			this.mvc.perform(post("/kasus/{t}/tanda-terima/whatsapp", ticket).cookie(session).with(csrf()))
				.andExpect(status().is4xxClientError());
		}
		this.mvc.perform(get("/kasus/{t}/tanda-terima", ticket).cookie(Logins.login(this.mvc, "admin")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/kasus/{t}/tanda-terima", "UGD-99-999999").cookie(this.muncar))
			.andExpect(status().isNotFound());
		assertThat(receiptEvents(ticket)).isEmpty();
		assertThat(issuedAt(ticket)).isNull();
	}

	@Test
	void anUnreadablePaperSizeIsRefusedAndRecordsNothing() throws Exception {
		String ticket = fileCase("KESEHATAN");
		for (String size : List.of("x", "A5", "a4".repeat(200), "a4\u0000", "1", "a 4")) {
			for (String path : List.of("/tanda-terima", "/tanda-terima.pdf")) {
				this.mvc.perform(get("/kasus/" + ticket + path).param("ukuran", size).cookie(this.muncar))
					.andExpect(status().isBadRequest());
			}
		}
		assertThat(this.mvc.perform(get("/kasus/{t}/tanda-terima", ticket).param("ukuran", "x").cookie(this.muncar))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Ukuran kertas harus a6 atau a4.");
		// Upper case is as good as lower case; an empty one (as the binder reads it) is
		// none.
		this.mvc.perform(get("/kasus/{t}/tanda-terima", ticket).param("ukuran", "A4").cookie(this.muncar))
			.andExpect(status().isOk());
		this.mvc.perform(get("/kasus/{t}/tanda-terima.pdf", ticket).param("ukuran", "").cookie(this.muncar))
			.andExpect(status().isOk());
		assertThat(receiptEvents(ticket)).containsExactly("RECEIPT_ISSUED:PRINT", "RECEIPT_REPRINTED:PDF");
	}

	@Test
	void theCodeIsOnNoStaffPageNorInTheApisAnswersAfterFiling() throws Exception {
		String ticket = fileCase("KESEHATAN");
		String code = accessCode(ticket);
		for (String username : List.of("upt.muncar", "dinkes", "sekretariat", "pimpinan")) {
			String html = this.mvc.perform(get("/kasus/{t}", ticket).cookie(Logins.login(this.mvc, username)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).as(username).contains(ticket).doesNotContain(code, AccessCodes.format(code));
			for (String path : List.of("/api/v1/cases/" + ticket, "/api/v1/cases/" + ticket + "/events",
					"/api/v1/cases?q=" + ticket)) {
				String json = this.mvc.perform(get(path).with(httpBasic(username, Logins.DEMO_PASSWORD)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(json).as(username + " " + path).doesNotContain(code, "accessCode");
			}
		}
		// The UPT's case page offers the receipt; the others' do not.
		assertThat(page("/kasus/" + ticket)).contains("/kasus/" + ticket + "/tanda-terima",
				"/kasus/" + ticket + "/tanda-terima.pdf");
		assertThat(this.mvc.perform(get("/kasus/{t}", ticket).cookie(Logins.login(this.mvc, "sekretariat")))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("/tanda-terima");
	}

	@Test
	void theApiGivesTheCodeOnlyInItsAnswerToTheFiling() throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(CaseData.json(CaseData.nik(), "KESEHATAN")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String ticket = body.replaceAll("(?s).*\"ticket\":\"([^\"]+)\".*", "$1");
		assertThat(body).contains("\"accessCode\":\"" + accessCode(ticket) + "\"");
	}

	@Test
	void rightAfterFilingTheCasePagePromptsForTheReceipt() throws Exception {
		MvcResult filed = this.mvc
			.perform(CaseData.form(CaseData.nik(), Map.of("confirmDuplicate", "true"), "KESEHATAN")
				.cookie(this.muncar)
				.with(csrf()))
			.andReturn();
		String ticket = filed.getResponse().getRedirectedUrl().substring("/kasus/".length());
		String html = this.mvc
			.perform(get(filed.getResponse().getRedirectedUrl()).cookie(this.muncar).flashAttrs(filed.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Cetak tanda terima", "/kasus/" + ticket + "/tanda-terima", "receipt-prompt");
		assertThat(page("/kasus/" + ticket)).doesNotContain("receipt-prompt");
	}

	private String fileCase(String... categories) throws Exception {
		MvcResult result = this.mvc
			.perform(CaseData.form(CaseData.nik(), Map.of("confirmDuplicate", "true"), categories)
				.cookie(this.muncar)
				.with(csrf()))
			.andReturn();
		return result.getResponse().getRedirectedUrl().substring("/kasus/".length());
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).cookie(this.muncar))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String accessCode(String ticket) {
		return this.jdbc.sql("SELECT access_code FROM case_file WHERE ticket = :t")
			.param("t", ticket)
			.query(String.class)
			.single();
	}

	private Instant issuedAt(String ticket) {
		return this.jdbc.sql("SELECT receipt_issued_at FROM case_file WHERE ticket = :t")
			.param("t", ticket)
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class))
			.optional()
			.map(java.time.OffsetDateTime::toInstant)
			.orElse(null);
	}

	private List<Instant> dueTimes(String ticket) {
		return this.jdbc.sql("""
				SELECT a.due_at FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t
				ORDER BY a.id""")
			.param("t", ticket)
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.list();
	}

	private List<String> receiptEvents(String ticket) {
		return this.jdbc.sql("""
				SELECT e.type || ':' || coalesce(e.note, '') FROM case_event e JOIN case_file c ON c.id = e.case_id
				WHERE c.ticket = :t AND e.type LIKE 'RECEIPT%' ORDER BY e.id""")
			.param("t", ticket)
			.query(String.class)
			.list();
	}

	private static List<BufferedImage> images(PDPage page) throws Exception {
		List<BufferedImage> images = new ArrayList<>();
		for (COSName name : page.getResources().getXObjectNames()) {
			PDXObject object = page.getResources().getXObject(name);
			if (object instanceof PDImageXObject image) {
				images.add(image.getImage());
			}
		}
		return images;
	}

	static String decode(BufferedImage image) throws Exception {
		return new MultiFormatReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
	}

}
