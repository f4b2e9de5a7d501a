package id.ugdkemiskinan.agency.admin;

import org.jspecify.annotations.Nullable;

/** The add and edit form of an intervention; {@code providerCode} empty for none. */
record InterventionForm(@Nullable String code, @Nullable String name, @Nullable String providerCode,
		@Nullable String version) {
}
