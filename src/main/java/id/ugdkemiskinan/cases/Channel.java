package id.ugdkemiskinan.cases;

/** How a complaint reached the UPT. */
public enum Channel {
	LANGSUNG, WHATSAPP, TELEPON, MEDIA_SOSIAL, SURAT, PENJANGKAUAN, LAINNYA
}
