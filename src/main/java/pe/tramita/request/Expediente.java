package pe.tramita.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

@Entity
@Table(name = "expediente")
class Expediente {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String caseNumber;

	@Column(columnDefinition = "char(6)")
	private String ubigeo;

	private int year;

	private int sequence;

	private String procedureKey;

	private String accessCodeHash;

	@Enumerated(EnumType.STRING)
	private ExpedienteStatus status;

	@Enumerated(EnumType.STRING)
	private IdentityDocumentType applicantDocumentType;

	private String applicantDocumentNumber;

	private String applicantName;

	private String applicantEmail;

	private String applicantPhone;

	/** The citizen authorised notification by e-mail (TUO Ley 27444, art. 20.4). */
	private boolean emailNotificationAccepted;

	/** The language the citizen filed in ("es", "en"): the one they are written to in. */
	private String language = "es";

	private Instant filedAt;

	private LocalDate dueDate;

	private String observation;

	private String decisionReason;

	private Instant resolvedAt;

	private String processInstanceId;

	@JdbcTypeCode(SqlTypes.JSON)
	private List<ApplicationItem> applicationData = new ArrayList<>();

	/** The same, by field id and as typed: what code reads (the RUC for the search, the address for a licence). */
	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, String> applicationValues = new LinkedHashMap<>();

	protected Expediente() {
	}

	/** A case a municipal office starts (an internal procedure): the office is the applicant. */
	Expediente(CaseNumber number, String procedureKey, String accessCodeHash, String requestedBy,
			List<ApplicationItem> applicationData, Instant filedAt, LocalDate dueDate) {
		this(number, procedureKey, accessCodeHash, filedAt, dueDate);
		this.applicantName = requestedBy;
		this.applicationData = List.copyOf(applicationData);
	}

	/** An application whose fields the procedure's model declares. */
	Expediente(CaseNumber number, String procedureKey, String accessCodeHash, ApplicantForm applicant,
			List<ApplicationItem> applicationData, Map<String, String> applicationValues, Instant filedAt,
			LocalDate dueDate, String language) {
		this(number, procedureKey, accessCodeHash, filedAt, dueDate);
		applicant(applicant.documentType(), applicant.documentNumber(), applicant.applicantName(), applicant.email(),
				applicant.phone());
		this.emailNotificationAccepted = Boolean.TRUE.equals(applicant.emailNotificationAccepted());
		this.language = language;
		this.applicationData = List.copyOf(applicationData);
		this.applicationValues = new LinkedHashMap<>(applicationValues);
	}

	private Expediente(CaseNumber number, String procedureKey, String accessCodeHash, Instant filedAt,
			LocalDate dueDate) {
		this.caseNumber = number.text();
		this.ubigeo = number.ubigeo();
		this.year = number.year();
		this.sequence = number.sequence();
		this.procedureKey = procedureKey;
		this.accessCodeHash = accessCodeHash;
		this.status = ExpedienteStatus.EN_TRAMITE;
		this.filedAt = filedAt;
		this.dueDate = dueDate;
	}

	private void applicant(IdentityDocumentType documentType, String documentNumber, String name, String email,
			String phone) {
		this.applicantDocumentType = documentType;
		this.applicantDocumentNumber = documentNumber;
		this.applicantName = name;
		this.applicantEmail = email;
		this.applicantPhone = emptyToNull(phone);
	}

	String processInstanceId() {
		return processInstanceId;
	}

	void startedAs(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	/** A new access code replaces the old one, which stops working. */
	void accessCodeHash(String accessCodeHash) {
		this.accessCodeHash = accessCodeHash;
	}

	String applicantDocumentNumber() {
		return applicantDocumentNumber;
	}

	LocalDate dueDate() {
		return dueDate;
	}

	String procedureKey() {
		return procedureKey;
	}

	String applicantEmail() {
		return applicantEmail;
	}

	void observe(String observation) {
		this.status = ExpedienteStatus.OBSERVADO;
		this.observation = observation;
	}

	void corrected() {
		this.status = ExpedienteStatus.EN_TRAMITE;
	}

	/** The legal term moved, e.g. by the days it stood still during an observation. */
	void dueOn(LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	void conclude(ExpedienteStatus outcome, String reason, Instant at) {
		if (!outcome.concluded()) {
			throw new IllegalArgumentException("Not an outcome: " + outcome);
		}
		this.status = outcome;
		this.decisionReason = reason;
		this.resolvedAt = at;
	}

	Long id() {
		return id;
	}

	String ubigeo() {
		return ubigeo;
	}

	String accessCodeHash() {
		return accessCodeHash;
	}

	ExpedienteStatus status() {
		return status;
	}

	String caseNumber() {
		return caseNumber;
	}

	ExpedienteView toView() {
		return new ExpedienteView(id, caseNumber, ubigeo, procedureKey, status, applicantDocumentType,
				applicantDocumentNumber, applicantName, applicantEmail, applicantPhone, filedAt, dueDate, observation,
				decisionReason, resolvedAt, processInstanceId,
				applicationData == null ? List.of() : List.copyOf(applicationData),
				applicationValues == null ? Map.of() : Map.copyOf(applicationValues), emailNotificationAccepted,
				language);
	}

	private static String emptyToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
