package id.ugdkemiskinan.agency.admin;

import org.jspecify.annotations.Nullable;

import id.ugdkemiskinan.agency.CategoryAdministration.CategoryRow;

/**
 * The add and edit form of a category; {@code version} is the one the form was shown
 * with.
 */
record CategoryForm(@Nullable String code, @Nullable String name, @Nullable String description,
		@Nullable String guidance, @Nullable String question1, @Nullable String question2, @Nullable String question3,
		@Nullable String version) {

	static CategoryForm empty() {
		return new CategoryForm("", "", "", "", "", "", "", null);
	}

	static CategoryForm of(CategoryRow row) {
		return new CategoryForm(row.code(), row.name(), row.description(), row.guidance(), row.question1(),
				row.question2(), row.question3(), Long.toString(row.version()));
	}

}
