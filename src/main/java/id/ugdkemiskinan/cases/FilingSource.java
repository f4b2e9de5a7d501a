package id.ugdkemiskinan.cases;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import id.ugdkemiskinan.users.CurrentUser;

/**
 * Where a case's filing can start from other than a blank form: a WhatsApp conversation
 * of the intake inbox (implemented there). The filing form is prefilled from its
 * {@link #draft draft}, the operator ticks which of its files to attach, and once the
 * case is stored the source learns it in the filing's own transaction ({@link #filed}),
 * so that the source and the case change together or not at all.
 */
public interface FilingSource {

	/**
	 * What the form starts with, if the source exists for this user and can still become
	 * a case.
	 */
	Optional<Draft> draft(long sourceId, CurrentUser user);

	/**
	 * The chosen files' bytes, of those {@link Draft#files() offered}; an unknown key is
	 * left out.
	 */
	List<SourceFile> attachments(long sourceId, Collection<String> keys, CurrentUser user);

	/**
	 * The case was filed from the source (called inside the filing's transaction).
	 * @throws StaleSourceException when the source can no longer become a case (someone
	 * else filed, linked or closed it meanwhile, or it is out of the user's scope)
	 */
	void filed(long sourceId, long caseId, CurrentUser user);

	/**
	 * @param phone the resident's phone (E.164), for the beneficiary's phone
	 * @param description the resident's words, for the description
	 * @param channel the case's channel (a {@code Channel} name, e.g. {@code WHATSAPP})
	 * @param files the photos and letters that may be attached
	 */
	record Draft(long sourceId, String phone, String description, String channel, List<FileOffer> files) {

		public Draft {
			files = List.copyOf(files);
		}

	}

	/** A file that may be attached, by its key. */
	record FileOffer(String key, String filename, String contentType, int size) {
	}

	record SourceFile(String key, String filename, byte[] content) {
	}

	/** The source cannot (or can no longer) become a case. */
	class StaleSourceException extends RuntimeException {

		public StaleSourceException(String message) {
			super(message);
		}

	}

}
