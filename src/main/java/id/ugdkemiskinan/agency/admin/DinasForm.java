package id.ugdkemiskinan.agency.admin;

import org.jspecify.annotations.Nullable;

/**
 * The add and rename form of a dinas; {@code version} is the one the form was shown with.
 */
record DinasForm(@Nullable String code, @Nullable String name, @Nullable String version) {

	static DinasForm empty() {
		return new DinasForm("", "", null);
	}

	String trimmedCode() {
		return this.code == null ? "" : this.code.strip();
	}

	String trimmedName() {
		return this.name == null ? "" : this.name.strip();
	}

}
