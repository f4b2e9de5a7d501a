package id.ugdkemiskinan.cases.intake;

import id.ugdkemiskinan.cases.domain.Channel;
import id.ugdkemiskinan.cases.domain.Vulnerability;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A case that passed validation: trimmed, normalised (phones in +62 form), in the filer's
 * scope.
 */
public record ValidCase(String kecamatanCode, String desaCode, String address, String rt, String rw,
		BigDecimal latitude, BigDecimal longitude, Channel channel, Set<String> categories, String description,
		String beneficiaryName, String nik, String nikUnknownReason, String kk, String beneficiaryPhone,
		String reporterName, String reporterPhone, String reporterRelation, boolean reporterConfidential,
		Set<Vulnerability> vulnerabilities, List<CategoryAnswer> answers) {

	/** This case with these vulnerability flags. */
	public ValidCase withVulnerabilities(Set<Vulnerability> flags) {
		return new ValidCase(this.kecamatanCode, this.desaCode, this.address, this.rt, this.rw, this.latitude,
				this.longitude, this.channel, this.categories, this.description, this.beneficiaryName, this.nik,
				this.nikUnknownReason, this.kk, this.beneficiaryPhone, this.reporterName, this.reporterPhone,
				this.reporterRelation, this.reporterConfidential, flags, this.answers);
	}

}
