package id.ugdkemiskinan.cases.domain;

import id.ugdkemiskinan.cases.intake.ValidAttachment;
import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A photo or letter of a case, stored in PostgreSQL with the case. */
@Entity
@Table(name = "attachment")
public class Attachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long caseId;

	private String filename;

	private String contentType;

	private int sizeBytes;

	@Basic(fetch = FetchType.LAZY)
	private byte[] content;

	private Instant uploadedAt;

	private long uploadedBy;

	protected Attachment() {
	}

	public Attachment(long caseId, ValidAttachment file, Instant uploadedAt, long uploadedBy) {
		this.caseId = caseId;
		this.filename = file.filename();
		this.contentType = file.contentType();
		this.sizeBytes = file.content().length;
		this.content = file.content();
		this.uploadedAt = uploadedAt;
		this.uploadedBy = uploadedBy;
	}

}
