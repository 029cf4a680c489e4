package pe.tramita.certificate;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "certificate")
class Certificate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String verificationCode;

	@Column(columnDefinition = "char(6)")
	private String ubigeo;

	private String documentType;

	private int year;

	private int sequence;

	private String number;

	private long expedienteId;

	private String holder;

	@Column(columnDefinition = "char(11)")
	private String ruc;

	private String tradeName;

	private String address;

	private String activity;

	@Column(name = "area_m2")
	private BigDecimal areaM2;

	private String riskLevel;

	private Instant issuedAt;

	@Enumerated(EnumType.STRING)
	private CertificateStatus status;

	private byte[] pdf;

	@Column(columnDefinition = "char(64)")
	private String sha256;

	protected Certificate() {
	}

	Certificate(CertificateFacts facts, byte[] pdf, String sha256) {
		this.verificationCode = facts.verificationCode();
		this.ubigeo = facts.municipality().ubigeo();
		this.documentType = facts.documentType();
		this.year = facts.year();
		this.sequence = facts.sequence();
		this.number = facts.number();
		this.expedienteId = facts.expediente().id();
		this.holder = facts.expediente().businessName();
		this.ruc = facts.expediente().ruc();
		this.tradeName = facts.expediente().tradeName();
		this.address = facts.expediente().address();
		this.activity = facts.expediente().activity();
		this.areaM2 = facts.expediente().areaM2();
		this.riskLevel = facts.riskLevel();
		this.issuedAt = facts.issuedAt();
		this.status = CertificateStatus.VIGENTE;
		this.pdf = pdf;
		this.sha256 = sha256;
	}

	CertificateView toView(String municipalityName, String caseNumber) {
		return new CertificateView(verificationCode, number, ubigeo, municipalityName, documentType, caseNumber,
				holder, ruc, tradeName, address, activity, areaM2, riskLevel, issuedAt, status, sha256);
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

	byte[] pdf() {
		return pdf;
	}

}
