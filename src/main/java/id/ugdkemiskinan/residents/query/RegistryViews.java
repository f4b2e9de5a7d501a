package id.ugdkemiskinan.residents.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the registry's pages show. */
public final class RegistryViews {

	private RegistryViews() {
	}

	/**
	 * A person as their page shows them (the full NIK: only users in scope get here).
	 *
	 * @param sex {@code L} or {@code P}, from the NIK
	 * @param age whole years at today's date, from the birth date
	 */
	public record PersonView(long id, @Nullable String nik, @Nullable String nikUnknownReason, String name,
			@Nullable String sex, @Nullable LocalDate birthDate, @Nullable Integer age, @Nullable String phone,
			String address, String desaCode, String desaName, String kecamatanCode, String kecamatanName,
			long householdId, @Nullable String householdKk, String householdAddress) {

		public boolean withoutNik() {
			return this.nik == null;
		}

	}

	/** A household as its page shows it. */
	public record HouseholdView(long id, @Nullable String kk, String address, String desaCode, String desaName,
			String kecamatanCode, String kecamatanName, @Nullable Integer desil, @Nullable String desilSource,
			@Nullable LocalDate desilAsOf, @Nullable LocalDate lastHelpedOn) {
	}

	/** A member in the household's list: the NIK masked as in every list. */
	public record Member(long id, String name, @Nullable String maskedNik, @Nullable String sex,
			@Nullable Integer age) {
	}

	/**
	 * A case of a person.
	 *
	 * @param visible whether the user may open it (by cases' own scope rules): only then
	 * is it linked
	 */
	public record CaseLine(long caseId, String ticket, Instant filedAt, String status, String priority,
			List<String> categoryCodes, long personId, String personName, boolean visible) {

		public CaseLine {
			categoryCodes = List.copyOf(categoryCodes);
		}

	}

	/**
	 * What a person or household received.
	 *
	 * @param personName the member who received it, {@code null} for the household as a
	 * whole
	 * @param ticket the case whose resolution it was, else {@code null}
	 * @param importSource the imported list's source ({@code PKH}), else {@code null}
	 */
	public record InterventionLine(long id, String interventionName, @Nullable String providerName,
			LocalDate receivedOn, @Nullable Long personId, @Nullable String personName, @Nullable String ticket,
			boolean caseVisible, @Nullable String importSource, @Nullable String importFilename,
			@Nullable Instant importStartedAt) {

		public int year() {
			return this.receivedOn.getYear();
		}

	}

	/** One year's interventions of a household, newest first. */
	public record InterventionYear(int year, List<InterventionLine> lines) {

		public InterventionYear {
			lines = List.copyOf(lines);
		}

	}

	/** One desil of a household's history. */
	public record DesilLine(int desil, String source, LocalDate asOf, boolean current) {
	}

	/** Another person who may be the same as one without NIK. */
	public record Suggestion(long id, String name, @Nullable String maskedNik, String address, long householdId,
			double similarity) {
	}

	/** A search's match. */
	public record SearchRow(long personId, String name, @Nullable String maskedNik, String desaName,
			String kecamatanName, long householdId, @Nullable String maskedKk) {
	}

	/**
	 * A page of a search's matches.
	 *
	 * @param counted the matches in scope, up to one past the pager's cap
	 */
	public record SearchPage(List<SearchRow> rows, int page, int size, long counted) {

		public SearchPage {
			rows = List.copyOf(rows);
		}

	}

}
