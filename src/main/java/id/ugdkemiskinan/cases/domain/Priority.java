package id.ugdkemiskinan.cases.domain;

import java.util.Collection;

/** Priority follows the vulnerability flags (Banjarnegara criteria). */
public enum Priority {

	DARURAT, TINGGI, NORMAL;

	/** Two or more flags: DARURAT; one: TINGGI; none: NORMAL. */
	public static Priority of(Collection<Vulnerability> flags) {
		return flags.size() >= 2 ? DARURAT : flags.size() == 1 ? TINGGI : NORMAL;
	}

}
