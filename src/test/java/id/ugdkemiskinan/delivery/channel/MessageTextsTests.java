package id.ugdkemiskinan.delivery.channel;

import java.util.Locale;
import java.util.Map;

import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTextsTests {

	private final MessageTexts texts = ChannelFixtures.texts();

	@Test
	void aNewAssignmentInBahasaIndonesia() {
		MessageTexts.Preview preview = this.texts.preview(ChannelFixtures.assignment(ChannelType.EMAIL, "a@b.id"));
		assertThat(preview.subject()).isEqualTo("Penugasan baru UGD-2026-000042: Pangan, Kec. Cibeunying Kaler");
		assertThat(preview.text()).startsWith(
				"Dinas Anda mendapat penugasan baru. Mohon direspon sebelum 1 Des 2026 18.30 WIB.\n\nTiket: UGD-2026-000042\n")
			.contains("Kecamatan: Cibeunying Kaler\n", "Kategori: Pangan\n", "Batas waktu: 1 Des 2026 18.30 WIB\n",
					"Buka: https://ugd.example.go.id/penugasan/17")
			.doesNotContain(ChannelFixtures.NIK, "Siti", "makan");
	}

	@Test
	void inEnglishOnRequest() {
		MessageTexts.Preview preview = this.texts.preview(ChannelFixtures.assignment(ChannelType.EMAIL, "a@b.id"),
				Locale.ENGLISH);
		assertThat(preview.subject()).isEqualTo("New assignment UGD-2026-000042: Pangan, Kec. Cibeunying Kaler");
		assertThat(preview.text()).contains("Ticket: UGD-2026-000042", "Due: 1 Des 2026 18.30 WIB");
	}

	@ParameterizedTest
	@EnumSource(value = DeliveryKind.class, names = "DARURAT", mode = EnumSource.Mode.EXCLUDE)
	void everyKindHasItsOwnWordsInBothLanguages(DeliveryKind kind) {
		OutgoingMessage message = new OutgoingMessage(1, "k", kind, ChannelType.EMAIL, "a@b.id", null,
				Map.of("ticket", "UGD-2026-000001", "dueAt", "1 Des 2026 18.30 WIB", "date", "1 Des 2026"));
		for (Locale locale : new Locale[] { Locale.forLanguageTag("id"), Locale.ENGLISH }) {
			MessageTexts.Preview preview = this.texts.preview(message, locale);
			assertThat(preview.subject()).doesNotContain("{", "delivery.").isNotBlank();
			assertThat(preview.text()).doesNotContain("{0}", "{5}");
			assertThat(preview.subject()).contains(kind == DeliveryKind.DIGEST ? "1 Des 2026" : "UGD-2026-000001");
		}
	}

	@Test
	void theDigestCountsAndNamesTickets() {
		MessageTexts.Preview preview = this.texts.preview(ChannelFixtures.digest(ChannelType.EMAIL, "a@b.id"));
		assertThat(preview.subject()).isEqualTo("Ringkasan harian UGD Kemiskinan 1 Des 2026");
		assertThat(preview.text()).contains("Kepatuhan SLA 87 %: 26 tepat waktu, 4 terlambat.",
				"- Dinas Sosial: 3 melewati batas, 5 terbuka", "- Dinas Kesehatan: 1 melewati batas, 2 terbuka",
				"- UGD-2026-000007 (Dinas Sosial), batas 30 Nov 2026 10.00 WIB, terlambat 21 jam https://ugd.example.go.id/kasus/7",
				"Dasbor: https://ugd.example.go.id/dasbor");
	}

}
