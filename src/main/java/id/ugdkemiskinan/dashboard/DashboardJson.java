package id.ugdkemiskinan.dashboard;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/dashboard}'s answer, and {@link #of} from the figures. */
record DashboardJson(LocalDate from, LocalDate to, long filed, long open, long resolved, long closed, long onTime,
		long late, long overdueOpen, long pending, Double compliance, Double responseMinutesMedian,
		Double responseMinutesP90, long breachedNow, long atRiskNow, List<DinasGroup> byDinas,
		List<KecamatanGroup> byKecamatan, List<CategoryGroup> byCategory, List<DashboardFigures.Day> daily,
		SatisfactionJson satisfaction, long returned, long returnedLate, DashboardFigures.ResidentWait residentWait,
		HoldFigures.Held held) {

	record DinasGroup(String dinasCode, long onTime, long late, long overdueOpen, long pending, Double compliance,
			Double responseMinutesMedian, long returned, long returnedLate) {
	}

	record KecamatanGroup(String kecamatanCode, long onTime, long late, long overdueOpen, long pending,
			Double compliance, Double responseMinutesMedian, long returned, long returnedLate) {
	}

	record CategoryGroup(String category, long onTime, long late, long overdueOpen, long pending, Double compliance,
			Double responseMinutesMedian, long returned, long returnedLate) {
	}

	/**
	 * The residents' answers; {@code resolvedShare} and {@code meanRating} are
	 * {@code null} for a group with fewer than {@code minAnswers} answers.
	 */
	record SatisfactionJson(SatisfactionGroup all, List<SatisfactionGroup> byDinas, List<SatisfactionGroup> byKecamatan,
			int minAnswers) {

		static SatisfactionJson of(Satisfaction s) {
			return new SatisfactionJson(SatisfactionGroup.of(s.all(), true),
					s.byDinas().stream().map(g -> SatisfactionGroup.of(g, g.ranked())).toList(),
					s.byKecamatan().stream().map(g -> SatisfactionGroup.of(g, g.ranked())).toList(), s.minAnswers());
		}

	}

	record SatisfactionGroup(String code, long answers, long resolved, long reopened, Double resolvedShare,
			Double meanRating, boolean ranked) {

		static SatisfactionGroup of(Satisfaction.Group g, boolean shown) {
			return new SatisfactionGroup(g.code(), g.answers(), g.resolved(), g.reopened(),
					shown ? g.resolvedShare() : null, shown ? g.meanRating() : null, g.ranked());
		}

	}

	static DashboardJson of(DashboardFigures f, Satisfaction satisfaction, HoldFigures.Held held) {
		return new DashboardJson(f.from(), f.to(), f.filed(), f.open(), f.resolved(), f.closed(), f.onTime(), f.late(),
				f.overdueOpen(), f.pending(), f.compliance(), f.responseMinutesMedian(), f.responseMinutesP90(),
				f.breachedNow(), f.atRiskNow(),
				f.byDinas()
					.stream()
					.map(g -> new DinasGroup(g.code(), g.onTime(), g.late(), g.overdueOpen(), g.pending(),
							g.compliance(), g.responseMinutesMedian(), g.returned(), g.returnedLate()))
					.toList(),
				f.byKecamatan()
					.stream()
					.map(g -> new KecamatanGroup(g.code(), g.onTime(), g.late(), g.overdueOpen(), g.pending(),
							g.compliance(), g.responseMinutesMedian(), g.returned(), g.returnedLate()))
					.toList(),
				f.byCategory()
					.stream()
					.map(g -> new CategoryGroup(g.code(), g.onTime(), g.late(), g.overdueOpen(), g.pending(),
							g.compliance(), g.responseMinutesMedian(), g.returned(), g.returnedLate()))
					.toList(),
				f.daily(), SatisfactionJson.of(satisfaction), f.returned(), f.returnedLate(), f.residentWait(), held);
	}

}
