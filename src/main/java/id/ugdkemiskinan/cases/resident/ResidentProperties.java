package id.ugdkemiskinan.cases.resident;

import id.ugdkemiskinan.cases.domain.CaseStatus;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The resident's side's settings ({@code ugd.resident.*}); the defaults are in
 * {@code application.properties}.
 *
 * @param freeFailures how many wrong tries of one source for one ticket go unhindered
 * @param slowDown after those, how long since the last wrong try the next try must wait
 * @param forgetAfter wrong tries older than this are forgotten (and their rows deleted)
 * @param answerWindow how long after a case was resolved the resident may answer "sudah
 * tertangani?"
 */
@Validated
@ConfigurationProperties("ugd.resident")
public record ResidentProperties(@NotNull @Min(1) Integer freeFailures, @NotNull Duration slowDown,
		@NotNull Duration forgetAfter, @NotNull Duration answerWindow) {

	/**
	 * Until when the resident may answer a resolution: the answer window from it, for a
	 * resolved or closed case; {@code null} when nothing is asked (open, rejected).
	 */
	@Nullable Instant answerUntil(CaseStatus status, @Nullable Instant resolvedAt) {
		if ((status != CaseStatus.SELESAI && status != CaseStatus.DITUTUP) || resolvedAt == null) {
			return null;
		}
		return resolvedAt.plus(this.answerWindow);
	}

	@AssertTrue(message = "ugd.resident.slow-down must be positive")
	public boolean isSlowDownPositive() {
		return this.slowDown == null || !this.slowDown.isNegative() && !this.slowDown.isZero();
	}

	@AssertTrue(message = "ugd.resident.forget-after must be longer than ugd.resident.slow-down")
	public boolean isForgetAfterLonger() {
		return this.forgetAfter == null || this.slowDown == null || this.forgetAfter.compareTo(this.slowDown) > 0;
	}

	@AssertTrue(message = "ugd.resident.answer-window must be positive")
	public boolean isAnswerWindowPositive() {
		return this.answerWindow == null || !this.answerWindow.isNegative() && !this.answerWindow.isZero();
	}

}
