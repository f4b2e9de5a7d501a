package id.ugdkemiskinan.residents.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** The two kinds of file a list comes in: by its name's ending and its first bytes. */
public enum ListFormat {

	CSV, XLSX;

	/**
	 * The format of this upload, or {@code null} when it is neither (an XLSX that is no
	 * ZIP, a "CSV" with NUL bytes: a binary file).
	 */
	static @Nullable ListFormat of(@Nullable String filename, Path content) throws IOException {
		String name = (filename == null) ? "" : filename.toLowerCase(Locale.ROOT);
		byte[] head = new byte[8192];
		int n;
		try (InputStream in = Files.newInputStream(content)) {
			n = in.readNBytes(head, 0, head.length);
		}
		boolean zip = n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
		if (name.endsWith(".xlsx")) {
			return zip ? XLSX : null;
		}
		if (name.endsWith(".csv") || name.endsWith(".txt")) {
			for (int i = 0; i < n; i++) {
				if (head[i] == 0) {
					return null;
				}
			}
			return zip ? null : CSV;
		}
		return null;
	}

}
