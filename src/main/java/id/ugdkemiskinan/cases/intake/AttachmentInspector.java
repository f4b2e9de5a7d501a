package id.ugdkemiskinan.cases.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.tika.Tika;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * Accepts photos and letters by what they are, not what they are called: the content is
 * sniffed (Apache Tika), so an HTML page named {@code foto.jpg} is refused.
 */
@Component
public class AttachmentInspector {

	public static final int MAX_FILES = 5;

	static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final Map<String, String> ALLOWED = Map.of("image/jpeg", "jpg", "image/png", "png",
			"application/pdf", "pdf");

	private final Tika tika = new Tika();

	/**
	 * The uploads that may be stored, each with a safe name and the type its content is;
	 * what is wrong with the others goes to {@code errors} (field {@code attachments}).
	 */
	public List<ValidAttachment> read(List<MultipartFile> uploads, Errors errors) {
		if (uploads.size() > MAX_FILES) {
			errors.rejectValue("attachments", "case.attachments.tooMany", new Object[] { MAX_FILES }, null);
			return List.of();
		}
		List<ValidAttachment> files = new ArrayList<>();
		for (MultipartFile upload : uploads) {
			try {
				byte[] content = upload.getBytes();
				String problem = problem(content);
				if (problem != null) {
					errors.rejectValue("attachments", problem, new Object[] { upload.getOriginalFilename() }, null);
				}
				else {
					String type = contentType(content);
					files.add(new ValidAttachment(safeName(upload.getOriginalFilename(), type), type, content));
				}
			}
			catch (IOException ex) {
				errors.rejectValue("attachments", "case.attachments.unreadable",
						new Object[] { upload.getOriginalFilename() }, null);
			}
		}
		return files;
	}

	/**
	 * The message key of what is wrong with the file, or {@code null} when it may be
	 * stored.
	 */
	public String problem(byte[] content) {
		if (content.length == 0) {
			return "case.attachments.empty";
		}
		if (content.length > MAX_BYTES) {
			return "case.attachments.tooLarge";
		}
		return ALLOWED.containsKey(contentType(content)) ? null : "case.attachments.type";
	}

	public String contentType(byte[] content) {
		return this.tika.detect(content);
	}

	/**
	 * A safe file name to store and offer for download: no path, no odd characters, and
	 * the extension of the type its content is ({@code foto.html} holding a PNG becomes
	 * {@code foto.png}).
	 */
	public static String safeName(String original, String contentType) {
		String name = original == null ? "" : original.replaceAll(".*[/\\\\]", "");
		name = name.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
		return withExtension(name, contentType);
	}

	/**
	 * The name with the extension of the content type (replacing whatever extension it
	 * had).
	 */
	public static String withExtension(String name, String contentType) {
		String extension = ALLOWED.getOrDefault(contentType, "bin");
		String base = name == null ? "" : name.strip();
		int dot = base.lastIndexOf('.');
		if (dot >= 0) {
			base = base.substring(0, dot);
		}
		base = base.replaceAll("[. ]+$", "").strip();
		if (base.isEmpty()) {
			base = "lampiran";
		}
		if (base.length() > 190) {
			base = base.substring(base.length() - 190);
		}
		return base + "." + extension;
	}

	/**
	 * How a stored file is served: its name, the type it is served as, and whether the
	 * page may show it.
	 */
	public record Served(String filename, String contentType, boolean inline) {
	}

	/**
	 * The type is what the content is, not what it was called or declared: its name gets
	 * that type's extension, and only photos may be shown in the page; everything else is
	 * a download (PDF as itself, anything else as {@code application/octet-stream}).
	 */
	public Served served(String filename, byte[] content) {
		String type = contentType(content);
		boolean image = isImage(type);
		return new Served(withExtension(filename, type),
				image || "application/pdf".equals(type) ? type : "application/octet-stream", image);
	}

	/**
	 * Whether a browser may show the type in the page (photos); everything else is only
	 * downloaded.
	 */
	public static boolean isImage(String contentType) {
		return "image/jpeg".equals(contentType) || "image/png".equals(contentType);
	}

}
