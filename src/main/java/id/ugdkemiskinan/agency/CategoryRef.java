package id.ugdkemiskinan.agency;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A case category as other modules see it.
 *
 * @param guidance a short text for the filing form, if any
 * @param questions up to three extra questions asked on the filing form
 */
public record CategoryRef(String code, String name, String description, @Nullable String guidance,
		List<String> questions) {
}
