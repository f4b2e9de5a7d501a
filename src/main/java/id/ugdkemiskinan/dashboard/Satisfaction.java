package id.ugdkemiskinan.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What residents answered to "sudah tertangani?" in the period (answers given in it),
 * beside compliance: in all, by the dinas that resolved the case (the secretariat's
 * triage not counted) and by kecamatan. Groups with fewer than {@code minAnswers} answers
 * are shown with their count but not ranked: their share and mean are withheld.
 *
 * @param all every answer in the period and filters
 * @param minAnswers the least answers a group needs to be ranked
 */
public record Satisfaction(Group all, List<Group> byDinas, List<Group> byKecamatan, int minAnswers) {

	/**
	 * @param answers every answer
	 * @param resolved the "Sudah" answers
	 * @param reopened the "Belum tertangani" answers: each reopened its case
	 * @param rated the answers with a rating
	 * @param meanRating the mean of the ratings (1–5), {@code null} without any
	 * @param ranked whether the group has enough answers to be compared
	 */
	public record Group(String code, String name, long answers, long resolved, long reopened, long rated,
			@Nullable Double meanRating, boolean ranked) {

		/** The share of "Sudah", {@code null} without answers. */
		public @Nullable Double resolvedShare() {
			return this.answers == 0 ? null : (double) this.resolved / this.answers;
		}

	}

}
