package id.ugdkemiskinan.residents.priority;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How the needs of a lokus prioritas are counted, as Banjarnegara counts them: each need
 * comes from signals of three kinds, and a household counts once per need however many
 * signals it has (a case whose beneficiary is not yet linked to a household counts as a
 * household of its own).
 * <ul>
 * <li>a <b>case category</b>: every case of the category (not rejected) in the desa, e.g.
 * {@code RUMAH_TIDAK_LAYAK_HUNI} → RTLH, {@code PENDIDIKAN} → anak tidak sekolah,
 * {@code EKONOMI_PEKERJAAN} → pengangguran;</li>
 * <li>a <b>keyword</b> (a PostgreSQL regular expression, case-insensitive) in the case's
 * description or in an answer to a category's extra question
 * ({@code case_category_answer}), e.g. "air bersih", "jamban"/"sanitasi", "listrik",
 * "stunting"/"gizi buruk" — whatever the category;</li>
 * <li>an <b>imported list</b>: the households that received the intervention from an
 * imported programme list (not undone), e.g. the RTLH list ({@code BEDAH_RUMAH_RTLH}): a
 * house on the kabupaten's RTLH list is a house that was found uninhabitable.</li>
 * </ul>
 * A case of a category that covers several needs ({@code RUMAH_TIDAK_LAYAK_HUNI} covers
 * housing, sanitation and water) counts for RTLH, and for water or sanitation only when
 * its words say so.
 */
public final class NeedMapping {

	/**
	 * The needs, in the order the page shows them (message keys
	 * {@code prio.need.<name>}).
	 */
	public enum Need {

		RTLH, AIR_BERSIH, SANITASI, LISTRIK, ANAK_TIDAK_SEKOLAH, RISIKO_STUNTING, PENGANGGURAN

	}

	/**
	 * One signal: exactly one of a category, a keyword pattern or an imported
	 * intervention.
	 */
	public record Rule(Need need, @Nullable String category, @Nullable String pattern, @Nullable String intervention) {

		static Rule category(Need need, String category) {
			return new Rule(need, category, null, null);
		}

		static Rule words(Need need, String pattern) {
			return new Rule(need, null, pattern, null);
		}

		static Rule imported(Need need, String intervention) {
			return new Rule(need, null, null, intervention);
		}

	}

	/** The mapping. */
	public static final List<Rule> RULES = List.of(Rule.category(Need.RTLH, "RUMAH_TIDAK_LAYAK_HUNI"),
			Rule.words(Need.RTLH, "rumah tidak layak|\\mrtlh\\M|bedah rumah|atap bocor|rumah rusak"),
			Rule.imported(Need.RTLH, "BEDAH_RUMAH_RTLH"),
			Rule.words(Need.AIR_BERSIH, "air bersih|\\msumur\\M|\\mpdam\\M|sumber air"),
			Rule.words(Need.SANITASI, "jamban|sanitasi|\\mwc\\M|\\mmck\\M|septi[ck]"),
			Rule.words(Need.LISTRIK, "listrik|\\mpln\\M|penerangan"),
			Rule.category(Need.ANAK_TIDAK_SEKOLAH, "PENDIDIKAN"),
			Rule.words(Need.ANAK_TIDAK_SEKOLAH, "putus sekolah|tidak sekolah|berhenti sekolah"),
			Rule.words(Need.RISIKO_STUNTING, "stunting|gizi buruk|kurang gizi|gizi kurang"),
			Rule.category(Need.PENGANGGURAN, "EKONOMI_PEKERJAAN"),
			Rule.words(Need.PENGANGGURAN, "menganggur|pengangguran|tidak bekerja|\\mphk\\M"));

	private NeedMapping() {
	}

}
