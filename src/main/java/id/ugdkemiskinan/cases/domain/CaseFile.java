package id.ugdkemiskinan.cases.domain;

import id.ugdkemiskinan.cases.intake.ValidCase;
import id.ugdkemiskinan.cases.workflow.IllegalTransitionException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One complaint about one resident or household. */
@Entity
@Table(name = "case_file")
public class CaseFile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String ticket;

	private String accessCode;

	@Enumerated(EnumType.STRING)
	private CaseStatus status;

	@Enumerated(EnumType.STRING)
	private Priority priority;

	private String kecamatanCode;

	private String desaCode;

	private String address;

	private String rt;

	private String rw;

	private BigDecimal latitude;

	private BigDecimal longitude;

	private String beneficiaryName;

	private String nik;

	private String nikUnknownReason;

	private String kk;

	private String beneficiaryPhone;

	private String reporterName;

	private String reporterPhone;

	private String reporterRelation;

	private boolean reporterConfidential;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	private String description;

	private Instant filedAt;

	private long filedBy;

	private String idempotencyKey;

	private String requestHash;

	private Long duplicateOf;

	private Instant closedAt;

	/** When every assignment last ended; the resident's answer is asked from then. */
	private Instant resolvedAt;

	/**
	 * When the resident was first given the receipt (and the access code): set by the
	 * receipt's own conditional UPDATE, never written from here (an update of the case
	 * must not put back what it read before).
	 */
	@Column(insertable = false, updatable = false)
	private Instant receiptIssuedAt;

	@ElementCollection
	@CollectionTable(name = "case_category", joinColumns = @JoinColumn(name = "case_id"))
	@Column(name = "category_code")
	private Set<String> categories = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "case_vulnerability", joinColumns = @JoinColumn(name = "case_id"))
	@Column(name = "flag")
	@Enumerated(EnumType.STRING)
	private Set<Vulnerability> vulnerabilities = EnumSet.noneOf(Vulnerability.class);

	@Version
	private long version;

	protected CaseFile() {
	}

	public CaseFile(String ticket, String accessCode, ValidCase c, Instant filedAt, long filedBy, String idempotencyKey,
			String requestHash) {
		this.ticket = ticket;
		this.accessCode = accessCode;
		this.status = CaseStatus.TERBUKA;
		this.priority = Priority.of(c.vulnerabilities());
		this.kecamatanCode = c.kecamatanCode();
		this.desaCode = c.desaCode();
		this.address = c.address();
		this.rt = c.rt();
		this.rw = c.rw();
		this.latitude = c.latitude();
		this.longitude = c.longitude();
		this.beneficiaryName = c.beneficiaryName();
		this.nik = c.nik();
		this.nikUnknownReason = c.nikUnknownReason();
		this.kk = c.kk();
		this.beneficiaryPhone = c.beneficiaryPhone();
		this.reporterName = c.reporterName();
		this.reporterPhone = c.reporterPhone();
		this.reporterRelation = c.reporterRelation();
		this.reporterConfidential = c.reporterConfidential();
		this.channel = c.channel();
		this.description = c.description();
		this.categories.addAll(c.categories());
		this.vulnerabilities.addAll(c.vulnerabilities());
		this.filedAt = filedAt;
		this.filedBy = filedBy;
		this.idempotencyKey = idempotencyKey;
		this.requestHash = requestHash;
	}

	/**
	 * The case status follows its assignments: open while any is open, resolved when none
	 * is. A closed or rejected case stays so until reopened.
	 */
	public void followAssignments(boolean anyOpen, Instant now) {
		if (this.status == CaseStatus.DITOLAK) {
			return;
		}
		if (anyOpen) {
			this.status = CaseStatus.TERBUKA;
			this.closedAt = null;
			this.resolvedAt = null;
		}
		else if (this.status == CaseStatus.TERBUKA) {
			this.status = CaseStatus.SELESAI;
			this.resolvedAt = now;
		}
	}

	public void reject(Long duplicateOf) {
		if (this.status == CaseStatus.DITOLAK || this.status == CaseStatus.DITUTUP) {
			throw new IllegalTransitionException("workflow.caseFinal");
		}
		this.status = CaseStatus.DITOLAK;
		this.duplicateOf = duplicateOf;
	}

	/**
	 * The UPT confirmed with the resident: only once every assignment is resolved or
	 * cancelled.
	 */
	public void close(Instant now) {
		if (this.status != CaseStatus.SELESAI) {
			throw new IllegalTransitionException(
					this.status == CaseStatus.TERBUKA ? "workflow.closeOpen" : "workflow.caseFinal");
		}
		this.status = CaseStatus.DITUTUP;
		this.closedAt = now;
	}

	/** Reopening a resolved or closed case; its new assignments make it open again. */
	public void reopen(Set<String> categories) {
		if (this.status != CaseStatus.SELESAI && this.status != CaseStatus.DITUTUP) {
			throw new IllegalTransitionException("workflow.reopenNotResolved");
		}
		this.categories.addAll(categories);
		this.status = CaseStatus.TERBUKA;
		this.closedAt = null;
		this.resolvedAt = null;
	}

	public Instant getResolvedAt() {
		return this.resolvedAt;
	}

	public Instant getReceiptIssuedAt() {
		return this.receiptIssuedAt;
	}

	public boolean isOpen() {
		return this.status == CaseStatus.TERBUKA;
	}

	public Long getId() {
		return this.id;
	}

	public String getTicket() {
		return this.ticket;
	}

	public Priority getPriority() {
		return this.priority;
	}

	public Set<String> getCategories() {
		return Collections.unmodifiableSet(this.categories);
	}

	public String getKecamatanCode() {
		return this.kecamatanCode;
	}

	public CaseStatus getStatus() {
		return this.status;
	}

	public long getVersion() {
		return this.version;
	}

}
