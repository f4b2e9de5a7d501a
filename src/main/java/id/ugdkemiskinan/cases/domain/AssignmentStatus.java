package id.ugdkemiskinan.cases.domain;

/** One dinas's part of a case: its clock runs while it waits for a response. */
public enum AssignmentStatus {

	MENUNGGU_RESPON, DIRESPON, SELESAI, DIKEMBALIKAN, DIBATALKAN;

	public boolean open() {
		return this == MENUNGGU_RESPON || this == DIRESPON;
	}

}
