package id.ugdkemiskinan.cases.receipt;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the resident checks a case: the status page {@code <base-url>/cek}, and for the
 * QR code the status form with the ticket filled in ({@code <base-url>/cek/<ticket>};
 * never with the code). The base URL is the app's public address,
 * {@code ugd.delivery.base-url} ({@code UGD_BASE_URL}), read here by its name (cases does
 * not depend on delivery).
 */
@Component
public class StatusLinks {

	private final String baseUrl;

	StatusLinks(@Value("${ugd.delivery.base-url}") String baseUrl) {
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/** The status page: {@code https://ugd.example.go.id/cek}. */
	public String statusPage() {
		return this.baseUrl + "/cek";
	}

	/**
	 * The status form of one case: {@code https://ugd.example.go.id/cek/UGD-26-000042}.
	 */
	public String statusPageOf(String ticket) {
		return statusPage() + "/" + ticket;
	}

}
