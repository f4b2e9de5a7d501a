package id.ugdkemiskinan.agency.admin;

import org.jspecify.annotations.Nullable;

/** The add form of a provider: a dinas, or a partner with its programme. */
record ProviderForm(@Nullable String code, @Nullable String kind, @Nullable String dinasCode, @Nullable String name,
		@Nullable String programme) {
}
