package id.ugdkemiskinan.common;

/**
 * What text the application accepts from outside: no control characters (tab, line feed
 * and carriage return excepted), no lone UTF-16 surrogate, no replacement or
 * non-characters (what a broken encoding leaves behind). Such text answers 400 instead of
 * being stored changed ("?") or failing deep in the database driver.
 */
public final class TextInput {

	private TextInput() {
	}

	/** Whether the text may be accepted as it is. */
	public static boolean isClean(CharSequence text) {
		return firstBadIndex(text) < 0;
	}

	/** The index of the first character that may not be accepted, or -1. */
	public static int firstBadIndex(CharSequence text) {
		if (text == null) {
			return -1;
		}
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return i;
			}
			if (Character.isLowSurrogate(c) || isControl(c) || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF') {
				return i;
			}
		}
		return -1;
	}

	private static boolean isControl(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
	}

}
