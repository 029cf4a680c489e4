package pe.tramita.certificate;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An issued document as recorded: what it prints, its fingerprint and whether it still stands. The PDF is a {@link CertificateFile}. */
@Entity
@Table(name = "certificate")
class Certificate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String verificationCode;

	@Column(columnDefinition = "char(6)")
	private String ubigeo;

	@Enumerated(EnumType.STRING)
	private DocumentType documentType;

	private int year;

	private int sequence;

	private String number;

	private long expedienteId;

	private String holder;

	@JdbcTypeCode(SqlTypes.JSON)
	private List<PrintedField> printedFields;

	private String signerName;

	private String signerTitle;

	private String legend;

	private Long replacesId;

	private Instant issuedAt;

	@Enumerated(EnumType.STRING)
	private CertificateStatus status;

	@Column(columnDefinition = "char(64)")
	private String sha256;

	private Instant revokedAt;

	private String revokedBy;

	private String revocationReason;

	protected Certificate() {
	}

	Certificate(CertificateFacts facts, Long replacesId, String sha256) {
		this.verificationCode = facts.verificationCode();
		this.ubigeo = facts.municipality().ubigeo();
		this.documentType = facts.documentType();
		this.year = facts.year();
		this.sequence = facts.sequence();
		this.number = facts.number();
		this.expedienteId = facts.expedienteId();
		this.holder = facts.holder();
		this.printedFields = facts.fields();
		this.signerName = facts.signatory().officerName();
		this.signerTitle = facts.signatory().officerTitle();
		this.legend = facts.legend();
		this.replacesId = replacesId;
		this.issuedAt = facts.issuedAt();
		this.status = CertificateStatus.VIGENTE;
		this.sha256 = sha256;
	}

	void revoke(Instant when, String officer, String reason) {
		if (status == CertificateStatus.REVOCADO) {
			throw new CertificateAlreadyRevokedException(number);
		}
		this.status = CertificateStatus.REVOCADO;
		this.revokedAt = when;
		this.revokedBy = officer;
		this.revocationReason = reason;
	}

	Long id() {
		return id;
	}

	long expedienteId() {
		return expedienteId;
	}

	String ubigeo() {
		return ubigeo;
	}

	String number() {
		return number;
	}

	String verificationCode() {
		return verificationCode;
	}

	DocumentType documentType() {
		return documentType;
	}

	String holder() {
		return holder;
	}

	List<PrintedField> printedFields() {
		return printedFields;
	}

	String legend() {
		return legend;
	}

	Long replacesId() {
		return replacesId;
	}

	String sha256() {
		return sha256;
	}

	CertificateView toView(String municipalityName, String caseNumber, Certificate replaces, Certificate replacedBy) {
		return new CertificateView(verificationCode, number, ubigeo, municipalityName, documentType, caseNumber,
				holder, printedFields, signerName, signerTitle, legend, issuedAt, status, revokedAt, revocationReason,
				replaces == null ? null : replaces.reference(), replacedBy == null ? null : replacedBy.reference(),
				sha256);
	}

	private CertificateView.Reference reference() {
		return new CertificateView.Reference(number, verificationCode);
	}

}
