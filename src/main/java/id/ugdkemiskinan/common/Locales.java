package id.ugdkemiskinan.common;

import java.util.Locale;

/**
 * The app's languages: Bahasa Indonesia by default, English on request
 * ({@code ?lang=en}).
 */
public final class Locales {

	/** Bahasa Indonesia: the default language of the pages and the API's texts. */
	public static final Locale INDONESIAN = Locale.forLanguageTag("id");

	/**
	 * Bahasa Indonesia as spoken in Indonesia: dates and numbers as they are written
	 * there.
	 */
	public static final Locale INDONESIA = Locale.forLanguageTag("id-ID");

	private Locales() {
	}

}
