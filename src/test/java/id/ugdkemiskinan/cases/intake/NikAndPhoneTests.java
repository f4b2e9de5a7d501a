package id.ugdkemiskinan.cases.intake;

import id.ugdkemiskinan.cases.domain.Priority;
import id.ugdkemiskinan.cases.domain.Vulnerability;
import java.util.Set;
import java.util.function.Predicate;

import id.ugdkemiskinan.common.PhoneNumbers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NikAndPhoneTests {

	private static final Predicate<String> PROVINCES = Set.of("35", "64", "33")::contains;

	@Test
	void aWellFormedNikPasses() {
		assertThat(Nik.problem("3510051203800001", PROVINCES)).isNull();
		assertThat(Nik.problem("3510055203800001", PROVINCES)).as("a woman's day + 40").isNull();
		assertThat(Nik.problem("3510057112990001", PROVINCES)).as("day 71, December").isNull();
	}

	@Test
	void aNikMustHave16Digits() {
		assertThat(Nik.problem("351005120380001", PROVINCES)).isEqualTo("case.nik.format");
		assertThat(Nik.problem("35100512038000011", PROVINCES)).isEqualTo("case.nik.format");
		assertThat(Nik.problem("35100512038000AB", PROVINCES)).isEqualTo("case.nik.format");
	}

	@Test
	void aNikMustStartWithAProvinceCode() {
		assertThat(Nik.problem("9910051203800001", PROVINCES)).isEqualTo("case.nik.province");
	}

	@Test
	void aNikMustCarryAValidDate() {
		assertThat(Nik.problem("3510050003800001", PROVINCES)).as("day 00").isEqualTo("case.nik.date");
		assertThat(Nik.problem("3510053203800001", PROVINCES)).as("day 32").isEqualTo("case.nik.date");
		assertThat(Nik.problem("3510054003800001", PROVINCES)).as("day 40").isEqualTo("case.nik.date");
		assertThat(Nik.problem("3510057203800001", PROVINCES)).as("day 72").isEqualTo("case.nik.date");
		assertThat(Nik.problem("3510051213800001", PROVINCES)).as("month 13").isEqualTo("case.nik.date");
		assertThat(Nik.problem("3510051200800001", PROVINCES)).as("month 00").isEqualTo("case.nik.date");
	}

	@Test
	void aNikIsMaskedInLists() {
		assertThat(Nik.mask("3510051203800001")).isEqualTo("3510********0001");
	}

	@Test
	void indonesianPhoneNumbersAreNormalisedToOneForm() {
		assertThat(PhoneNumbers.normalize("0812-3456-7890")).hasValue("+6281234567890");
		assertThat(PhoneNumbers.normalize("+62 812 3456 7890")).hasValue("+6281234567890");
		assertThat(PhoneNumbers.normalize("6281234567890")).hasValue("+6281234567890");
		assertThat(PhoneNumbers.normalize("(0333) 421234")).hasValue("+62333421234");
	}

	@Test
	void otherPhoneNumbersAreRefused() {
		assertThat(PhoneNumbers.normalize("12345")).isEmpty();
		assertThat(PhoneNumbers.normalize("+1 415 555 0100")).isEmpty();
		assertThat(PhoneNumbers.normalize("08abc")).isEmpty();
		assertThat(PhoneNumbers.normalize("0812")).isEmpty();
	}

	@Test
	void priorityFollowsTheVulnerabilityFlags() {
		assertThat(Priority.of(Set.of())).isEqualTo(Priority.NORMAL);
		assertThat(Priority.of(Set.of(Vulnerability.LANSIA))).isEqualTo(Priority.TINGGI);
		assertThat(Priority.of(Set.of(Vulnerability.LANSIA, Vulnerability.DISABILITAS))).isEqualTo(Priority.DARURAT);
	}

}
