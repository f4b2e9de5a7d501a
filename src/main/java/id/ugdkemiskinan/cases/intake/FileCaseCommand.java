package id.ugdkemiskinan.cases.intake;

import java.util.List;
import java.util.Map;

/**
 * A case as typed in the filing form or sent to the API, before validation: everything as
 * text, so that the form can show back exactly what was typed. {@code residentConsent}:
 * the resident agreed to updates by WhatsApp/SMS (to the beneficiary's phone).
 */
public record FileCaseCommand(String desaCode, String address, String rt, String rw, String latitude, String longitude,
		String channel, List<String> categories, String description, String beneficiaryName, String nik,
		boolean nikUnknown, String nikUnknownReason, String kk, String beneficiaryPhone, String reporterName,
		String reporterPhone, String reporterRelation, boolean reporterConfidential, List<String> vulnerabilities,
		boolean residentConsent, Map<String, String> answers) {

	public FileCaseCommand {
		categories = categories == null ? List.of() : categories;
		vulnerabilities = vulnerabilities == null ? List.of() : vulnerabilities;
		answers = answers == null ? Map.of() : Map.copyOf(answers);
	}

	/**
	 * This command with the answers to the categories' extra questions, keyed by
	 * {@link CategoryAnswer#field}.
	 */
	public FileCaseCommand withAnswers(Map<String, String> answers) {
		return new FileCaseCommand(this.desaCode, this.address, this.rt, this.rw, this.latitude, this.longitude,
				this.channel, this.categories, this.description, this.beneficiaryName, this.nik, this.nikUnknown,
				this.nikUnknownReason, this.kk, this.beneficiaryPhone, this.reporterName, this.reporterPhone,
				this.reporterRelation, this.reporterConfidential, this.vulnerabilities, this.residentConsent, answers);
	}

}
