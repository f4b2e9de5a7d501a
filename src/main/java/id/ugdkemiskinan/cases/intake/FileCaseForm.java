package id.ugdkemiskinan.cases.intake;

import java.util.List;
import java.util.UUID;

import org.springframework.web.multipart.MultipartFile;

/**
 * The filing form as typed. {@code submissionToken} identifies one filling-in of the
 * form, so a double click or a resubmit files one case; {@code confirmDuplicate} is set
 * once the operator has seen the possible duplicates and still wants to file.
 */
public record FileCaseForm(String desaCode, String address, String rt, String rw, String latitude, String longitude,
		String channel, List<String> categories, String description, String beneficiaryName, String nik,
		Boolean nikUnknown, String nikUnknownReason, String kk, String beneficiaryPhone, String reporterName,
		String reporterPhone, String reporterRelation, Boolean reporterConfidential, List<String> vulnerabilities,
		List<MultipartFile> attachments, String submissionToken, Boolean confirmDuplicate, Boolean residentConsent) {

	public FileCaseForm {
		nikUnknown = Boolean.TRUE.equals(nikUnknown);
		reporterConfidential = Boolean.TRUE.equals(reporterConfidential);
		confirmDuplicate = Boolean.TRUE.equals(confirmDuplicate);
		residentConsent = Boolean.TRUE.equals(residentConsent);
		categories = categories == null ? List.of() : categories;
		vulnerabilities = vulnerabilities == null ? List.of() : vulnerabilities;
		// A file input with nothing chosen sends an empty part without a name; a chosen
		// file of zero bytes has its name, and is kept so that it gets its message.
		attachments = attachments == null ? List.of()
				: attachments.stream().filter(file -> file != null && !(file.isEmpty() && unnamed(file))).toList();
	}

	private static boolean unnamed(MultipartFile file) {
		return file.getOriginalFilename() == null || file.getOriginalFilename().isBlank();
	}

	public static FileCaseForm empty() {
		return new FileCaseForm(null, null, null, null, null, null, null, List.of(), null, null, null, false, null,
				null, null, null, null, null, false, List.of(), List.of(), UUID.randomUUID().toString(), false, false);
	}

	public FileCaseCommand command() {
		return new FileCaseCommand(this.desaCode, this.address, this.rt, this.rw, this.latitude, this.longitude,
				this.channel, this.categories, this.description, this.beneficiaryName, this.nik, this.nikUnknown,
				this.nikUnknownReason, this.kk, this.beneficiaryPhone, this.reporterName, this.reporterPhone,
				this.reporterRelation, this.reporterConfidential, this.vulnerabilities, this.residentConsent, null);
	}

}
