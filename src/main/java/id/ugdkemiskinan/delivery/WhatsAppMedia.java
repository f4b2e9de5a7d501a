package id.ugdkemiskinan.delivery;

/**
 * Fetches a photo or document a resident sent, by Meta's media id (Cloud API: {@code GET
 * /{media-id}} for its URL, then that URL, both with the access token).
 */
public interface WhatsAppMedia {

	/** Whether the WhatsApp channel is configured (else nothing can be fetched). */
	boolean available();

	/**
	 * The media's bytes and type, at most {@code maxBytes}.
	 * @throws MediaTooLargeException when it is larger
	 * @throws MediaUnavailableException when Meta cannot give it now (retry later) or at
	 * all
	 */
	Media fetch(String mediaId, int maxBytes);

	record Media(String contentType, byte[] content) {
	}

	class MediaTooLargeException extends RuntimeException {

		public MediaTooLargeException(String message) {
			super(message);
		}

	}

	class MediaUnavailableException extends RuntimeException {

		private final boolean retryable;

		public MediaUnavailableException(String message, boolean retryable) {
			super(message);
			this.retryable = retryable;
		}

		public boolean retryable() {
			return this.retryable;
		}

	}

}
