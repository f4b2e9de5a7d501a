package id.ugdkemiskinan.cases.intake;

import id.ugdkemiskinan.cases.domain.Channel;
import id.ugdkemiskinan.cases.domain.Vulnerability;
import id.ugdkemiskinan.cases.query.CaseScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.common.PhoneNumbers;
import id.ugdkemiskinan.agency.CategoryRef;
import id.ugdkemiskinan.region.DesaRef;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.users.Role;

import org.springframework.stereotype.Component;

/**
 * The filing rules, the same for the form and the API: every field checked, every problem
 * reported at once (so the form can show all of them next to their fields), values
 * trimmed and normalised. A desa outside an operator's kecamatan is refused.
 */
@Component
class CaseValidator {

	static final int MAX_ADDRESS = 300;

	static final int MAX_NAME = 100;

	static final int MAX_DESCRIPTION = 4000;

	static final int MIN_DESCRIPTION = 10;

	static final int MAX_REASON = 300;

	private final Regions regions;

	private final Agencies agencies;

	CaseValidator(Regions regions, Agencies agencies) {
		this.regions = regions;
		this.agencies = agencies;
	}

	/**
	 * @throws InvalidCaseException listing every field problem
	 * @throws OutOfScopeException when the desa lies outside the operator's kecamatan
	 */
	ValidCase validate(FileCaseCommand c, CaseScope scope) {
		List<FieldProblem> problems = new ArrayList<>();

		DesaRef desa = null;
		if (blank(c.desaCode())) {
			problems.add(new FieldProblem("desaCode", "case.desa.required"));
		}
		else {
			desa = this.regions.desa(c.desaCode().trim()).orElse(null);
			if (desa == null) {
				problems.add(new FieldProblem("desaCode", "case.desa.unknown"));
			}
			else if (scope.role() == Role.OPERATOR_UPT && !desa.kecamatanCode().equals(scope.kecamatanCode())) {
				throw new OutOfScopeException(
						"Desa " + desa.code() + " lies outside kecamatan " + scope.kecamatanCode());
			}
		}
		String address = required(c.address(), "address", MAX_ADDRESS, problems);
		String rt = neighbourhood(c.rt(), "rt", problems);
		String rw = neighbourhood(c.rw(), "rw", problems);
		BigDecimal[] coordinates = coordinates(c.latitude(), c.longitude(), problems);

		Channel channel = parseEnum(Channel.class, c.channel());
		if (channel == null) {
			problems.add(
					new FieldProblem("channel", blank(c.channel()) ? "case.channel.required" : "case.channel.unknown"));
		}

		// Read once: the codes checked here and the questions answered below.
		List<CategoryRef> active = this.agencies.categories();
		Set<String> known = active.stream().map(CategoryRef::code).collect(Collectors.toSet());
		Set<String> categories = new LinkedHashSet<>();
		for (String category : c.categories()) {
			if (!blank(category)) {
				categories.add(category.trim());
			}
		}
		if (categories.isEmpty()) {
			problems.add(new FieldProblem("categories", "case.categories.required"));
		}
		else if (!known.containsAll(categories)) {
			problems.add(new FieldProblem("categories", "case.categories.unknown"));
		}
		List<CategoryAnswer> answers = answers(c, active, categories, problems);

		String description = required(c.description(), "description", MAX_DESCRIPTION, problems);
		if (description != null && description.length() < MIN_DESCRIPTION) {
			problems.add(new FieldProblem("description", "case.description.short", MIN_DESCRIPTION));
		}

		String name = required(c.beneficiaryName(), "beneficiaryName", MAX_NAME, problems);
		String nik = null;
		String nikUnknownReason = null;
		if (c.nikUnknown()) {
			nikUnknownReason = required(c.nikUnknownReason(), "nikUnknownReason", MAX_REASON, problems);
			if (!blank(c.nik())) {
				problems.add(new FieldProblem("nik", "case.nik.notWithUnknown"));
			}
		}
		else if (blank(c.nik())) {
			problems.add(new FieldProblem("nik", "case.nik.required"));
		}
		else {
			nik = c.nik().replaceAll("\\s", "");
			String problem = Nik.problem(nik, this.regions::isProvinceCode);
			if (problem != null) {
				problems.add(new FieldProblem("nik", problem));
			}
		}
		String kk = null;
		if (!blank(c.kk())) {
			kk = c.kk().replaceAll("\\s", "");
			if (!kk.matches("[0-9]{16}")) {
				problems.add(new FieldProblem("kk", "case.kk.format"));
			}
		}
		String phone = phone(c.beneficiaryPhone(), "beneficiaryPhone", problems);
		// Updates go to the beneficiary's phone, which must then be a mobile number.
		if (c.residentConsent() && blank(c.beneficiaryPhone())) {
			problems.add(new FieldProblem("beneficiaryPhone", "consent.phone.required"));
		}
		else if (c.residentConsent() && phone != null && PhoneNumbers.normalizeMobile(phone).isEmpty()) {
			problems.add(new FieldProblem("beneficiaryPhone", "consent.phone.mobile"));
		}

		String reporterName = optional(c.reporterName(), "reporterName", MAX_NAME, problems);
		String reporterPhone = phone(c.reporterPhone(), "reporterPhone", problems);
		String reporterRelation = optional(c.reporterRelation(), "reporterRelation", MAX_NAME, problems);
		if (reporterName == null && (reporterPhone != null || reporterRelation != null || c.reporterConfidential())) {
			problems.add(new FieldProblem("reporterName", "case.reporterName.required"));
		}

		Set<Vulnerability> vulnerabilities = EnumSet.noneOf(Vulnerability.class);
		for (String flag : c.vulnerabilities()) {
			Vulnerability vulnerability = parseEnum(Vulnerability.class, flag);
			if (vulnerability == null) {
				problems.add(new FieldProblem("vulnerabilities", "case.vulnerabilities.unknown"));
			}
			else if (vulnerability == Vulnerability.BELUM_PERNAH_DIBANTU) {
				// Derived from the registry's data at intake, never ticked by hand.
				problems.add(new FieldProblem("vulnerabilities", "case.vulnerabilities.derived"));
			}
			else {
				vulnerabilities.add(vulnerability);
			}
		}

		if (!problems.isEmpty()) {
			throw new InvalidCaseException(problems);
		}
		return new ValidCase(desa.kecamatanCode(), desa.code(), address, rt, rw, coordinates[0], coordinates[1],
				channel, categories, description, name, nik, nikUnknownReason, kk, phone, reporterName, reporterPhone,
				reporterRelation, reporterName != null && c.reporterConfidential(), vulnerabilities, answers);
	}

	/**
	 * The answers to the chosen categories' extra questions (each optional, at most
	 * {@value CategoryAnswer#MAX_ANSWER} characters); what answers no question asked is
	 * ignored.
	 */
	private static List<CategoryAnswer> answers(FileCaseCommand c, List<CategoryRef> active, Set<String> chosen,
			List<FieldProblem> problems) {
		List<CategoryAnswer> answers = new ArrayList<>();
		for (CategoryRef category : active) {
			if (!chosen.contains(category.code())) {
				continue;
			}
			for (int i = 0; i < category.questions().size(); i++) {
				String question = category.questions().get(i);
				String value = c.answers().get(CategoryAnswer.field(category.code(), i + 1));
				if (blank(value)) {
					continue;
				}
				String answer = value.strip();
				if (answer.length() > CategoryAnswer.MAX_ANSWER) {
					problems.add(new FieldProblem("categories", "refdata.answer.tooLong", question,
							CategoryAnswer.MAX_ANSWER));
				}
				else {
					answers.add(new CategoryAnswer(category.code(), i + 1, question, answer));
				}
			}
		}
		return answers;
	}

	private static String required(String value, String field, int max, List<FieldProblem> problems) {
		if (blank(value)) {
			problems.add(new FieldProblem(field, "case." + field + ".required"));
			return null;
		}
		return bounded(value.trim(), field, max, problems);
	}

	private static String optional(String value, String field, int max, List<FieldProblem> problems) {
		return blank(value) ? null : bounded(value.trim(), field, max, problems);
	}

	private static String bounded(String value, String field, int max, List<FieldProblem> problems) {
		if (value.length() > max) {
			problems.add(new FieldProblem(field, "case.tooLong", max));
		}
		return value;
	}

	private static String neighbourhood(String value, String field, List<FieldProblem> problems) {
		if (blank(value)) {
			return null;
		}
		String digits = value.trim();
		if (!digits.matches("[0-9]{1,3}")) {
			problems.add(new FieldProblem(field, "case.rtrw.format"));
			return null;
		}
		return String.format("%03d", Integer.parseInt(digits));
	}

	private static BigDecimal[] coordinates(String latitude, String longitude, List<FieldProblem> problems) {
		if (blank(latitude) && blank(longitude)) {
			return new BigDecimal[] { null, null };
		}
		BigDecimal lat = decimal(latitude, -90, 90);
		BigDecimal lon = decimal(longitude, -180, 180);
		if (lat == null) {
			problems.add(new FieldProblem("latitude", "case.latitude.invalid"));
		}
		if (lon == null) {
			problems.add(new FieldProblem("longitude", "case.longitude.invalid"));
		}
		return new BigDecimal[] { lat, lon };
	}

	private static BigDecimal decimal(String value, int min, int max) {
		if (blank(value)) {
			return null;
		}
		try {
			BigDecimal number = new BigDecimal(value.trim().replace(',', '.')).setScale(6, RoundingMode.HALF_UP);
			return number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0 ? null
					: number;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String phone(String value, String field, List<FieldProblem> problems) {
		if (blank(value)) {
			return null;
		}
		Optional<String> normalized = PhoneNumbers.normalize(value);
		if (normalized.isEmpty()) {
			problems.add(new FieldProblem(field, "case.phone.format"));
		}
		return normalized.orElse(null);
	}

	private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
