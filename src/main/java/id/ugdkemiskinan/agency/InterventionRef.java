package id.ugdkemiskinan.agency;

import org.jspecify.annotations.Nullable;

/**
 * An intervention a dinas can resolve an assignment with (PBI-JKN, PKH, bedah rumah,
 * ...), with who delivers it: a dinas, or a partner and its programme ("Baznas · Bedah
 * Rumah"), when the admin has named one.
 */
public record InterventionRef(String code, String name, @Nullable String providerName) {

	/** The name as the resolve form lists it: with its provider, when there is one. */
	public String label() {
		return (this.providerName == null) ? this.name : this.name + " — " + this.providerName;
	}

}
