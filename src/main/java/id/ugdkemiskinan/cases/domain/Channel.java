package id.ugdkemiskinan.cases.domain;

/** How a complaint reached the UPT. */
public enum Channel {

	LANGSUNG, WHATSAPP, TELEPON, MEDIA_SOSIAL, SURAT, PENJANGKAUAN, LAINNYA

}
