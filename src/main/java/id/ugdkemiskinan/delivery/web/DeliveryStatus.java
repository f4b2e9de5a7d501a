package id.ugdkemiskinan.delivery.web;

/** A delivery's states ({@code delivery.status}), as the log filters them. */
enum DeliveryStatus {

	PENDING, SENDING, SENT, DELIVERED, READ, FAILED, SKIPPED

}
