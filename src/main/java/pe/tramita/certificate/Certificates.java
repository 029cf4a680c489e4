package pe.tramita.certificate;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.calendar.LegalClock;
import pe.tramita.document.Documents;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.text.VisibleText;
import pe.tramita.web.NotFoundException;

/**
 * Issued documents: numbered per municipality, document type and year without gaps, rendered once as signed
 * PDF/A and kept, verifiable by anyone through their code or the file itself, revocable by the municipality's
 * management with a reason, and replaceable by a corrected one.
 */
@Service
public class Certificates {

	private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private static final SecureRandom random = new SecureRandom();

	private static final Locale SPANISH = Locale.forLanguageTag("es-PE");

	private final CertificateRepository repository;

	private final CertificateFileRepository files;

	private final Expedientes expedientes;

	private final Municipalities municipalities;

	private final CertificateContents contents;

	private final CertificatePdf renderer;

	private final PdfSigner signer;

	private final SigningKeys keys;

	private final Signatories signatories;

	private final MessageSource messages;

	private final LegalClock clock;

	private final JdbcTemplate jdbc;

	private final String publicUrl;

	private final ApplicationEventPublisher events;

	Certificates(CertificateRepository repository, CertificateFileRepository files, Expedientes expedientes,
			Municipalities municipalities, CertificateContents contents, CertificatePdf renderer, PdfSigner signer,
			SigningKeys keys, Signatories signatories, MessageSource messages, LegalClock clock, JdbcTemplate jdbc,
			ApplicationEventPublisher events, @Value("${tramita.public-url}") String publicUrl) {
		this.events = events;
		this.repository = repository;
		this.files = files;
		this.expedientes = expedientes;
		this.municipalities = municipalities;
		this.contents = contents;
		this.renderer = renderer;
		this.signer = signer;
		this.keys = keys;
		this.signatories = signatories;
		this.messages = messages;
		this.clock = clock;
		this.jdbc = jdbc;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	/** Issues the licence of an approved case with the risk level the licensing office confirmed. */
	@Transactional
	public CertificateView issueLicence(long expedienteId, String riskLevel) {
		return issue(expedienteId, DocumentType.LICENCIA_FUNCIONAMIENTO, riskLevel, null);
	}

	/**
	 * Issues a document of the given type for a case; {@code legend} is a message key printed in a box, e.g.
	 * {@code certificate.legend.positiveSilence}. A second valid document of one type for one case is refused by
	 * the database.
	 */
	@Transactional
	public CertificateView issue(long expedienteId, DocumentType type, String riskLevel, String legend) {
		return issue(expedienteId, type, riskLevel, legend, null);
	}

	/** The same, printing {@code answer}: what a constancia answers (the information given, the reply, the grounds). */
	@Transactional
	public CertificateView issue(long expedienteId, DocumentType type, String riskLevel, String legend,
			String answer) {
		ExpedienteView expediente = expedientes.find(expedienteId).orElseThrow();
		Certificate issued = issue(expediente, type, contents.holder(type, expediente),
				contents.fields(type, expediente, riskLevel, answer), legend, null);
		return toView(issued);
	}

	/**
	 * The filing receipt (cargo de recepción) of a case, for its current access code only: signed PDF/A like the
	 * certificates, rendered each time it is asked for (it prints the access code, which Tramita does not keep). No
	 * transaction around it: the reads take a connection each, the rendering and signing none.
	 */
	public Optional<byte[]> filingReceipt(String caseNumber, String accessCode) {
		return expedientes.findForCitizen(caseNumber, accessCode).map(expediente -> {
			MunicipalityView municipality = municipalities.get(expediente.ubigeo());
			Signatory signatory = signatories.of(municipality.ubigeo(),
					contents.signingOffice(DocumentType.CARGO_RECEPCION, expediente));
			CertificateFacts facts = new CertificateFacts(municipality, expediente.id(), signatory,
					DocumentType.CARGO_RECEPCION, 0, 0, expediente.caseNumber(), accessCode,
					expediente.applicantName(), contents.receiptFields(expediente), expediente.caseNumber(), null, null,
					expediente.filedAt(), publicUrl + "/consulta");
			return signer.sign(renderer.render(facts), keys.forMunicipality(municipality),
					signatory.officerName() == null ? municipality.name() : signatory.officerName(),
					messages.getMessage("certificate.signature.receipt", new Object[] { expediente.caseNumber() },
							SPANISH),
					municipality.name(), clock.now().toInstant());
		});
	}

	/**
	 * A document the municipality issues that is no certificate (an advisor's report to the council), already PDF/A
	 * ({@link ArchivalPdf}): signed with the municipality's key, as its certificates are.
	 */
	public byte[] signDocument(String ubigeo, byte[] archivalPdf, String reason) {
		MunicipalityView municipality = municipalities.get(ubigeo);
		return signer.sign(archivalPdf, keys.forMunicipality(municipality), municipality.name(), reason,
				municipality.name(), clock.now().toInstant());
	}

	@Transactional(readOnly = true)
	public Optional<CertificateView> findByCode(String verificationCode) {
		return repository.findByVerificationCode(normalize(verificationCode)).map(this::toView);
	}

	/** The case's latest document, valid or not. */
	@Transactional(readOnly = true)
	public Optional<CertificateView> findForCase(long expedienteId) {
		return repository.findFirstByExpedienteIdOrderByIdDesc(expedienteId).map(this::toView);
	}

	/** The issued PDF exactly as signed, with the number it carries. */
	public record PdfFile(String number, byte[] content) {
	}

	@Transactional(readOnly = true)
	public Optional<PdfFile> pdf(String verificationCode) {
		return repository.findByVerificationCode(normalize(verificationCode))
			.flatMap(certificate -> files.findById(certificate.id())
				.map(file -> new PdfFile(certificate.number(), file.pdf())));
	}

	/** What a file someone holds is: the original, a modified copy of one of ours, or nothing we issued. */
	public record FileCheck(Outcome outcome, CertificateView certificate) {

		public enum Outcome {
			ORIGINAL, MODIFIED, UNKNOWN
		}

	}

	/** Compares the file's SHA-256 with every issued PDF; a copy that names one of our codes but differs is modified. */
	@Transactional(readOnly = true)
	public FileCheck check(byte[] content) {
		List<Certificate> same = repository.findBySha256(Documents.sha256(content));
		if (!same.isEmpty()) {
			return new FileCheck(FileCheck.Outcome.ORIGINAL, toView(same.get(0)));
		}
		return claimedCode(content).flatMap(repository::findByVerificationCode)
			.map(claimed -> new FileCheck(FileCheck.Outcome.MODIFIED, toView(claimed)))
			.orElse(new FileCheck(FileCheck.Outcome.UNKNOWN, null));
	}

	/** The latest documents of the officer's municipalities, optionally those whose number contains {@code number}. */
	@Transactional(readOnly = true)
	public List<CertificateView> listFor(StaffUser officer, String number) {
		PageRequest first = PageRequest.of(0, 100);
		List<Certificate> found = number == null || number.isBlank()
				? repository.findByUbigeoInOrderByIdDesc(officer.municipalities(), first)
				: repository.findByUbigeoInAndNumberContainingIgnoreCaseOrderByIdDesc(officer.municipalities(),
						number.strip(), first);
		return found.stream().map(this::toView).toList();
	}

	/** A certificate of one of the officer's municipalities; another municipality's is "not found". */
	@Transactional(readOnly = true)
	public CertificateView findForOfficer(String verificationCode, StaffUser officer) {
		return toView(visibleTo(verificationCode, officer));
	}

	public static boolean canRevoke(StaffUser officer) {
		return officer.isAdmin() || officer.offices().contains(Offices.GERENCIA);
	}

	@Transactional
	public CertificateView revoke(String verificationCode, String reason, StaffUser officer) {
		Certificate certificate = revocable(verificationCode, reason, officer);
		return toView(repository.save(certificate));
	}

	/**
	 * Revokes a certificate and issues its corrected replacement with a new number, pointing to the one it replaces.
	 * {@code values} are the corrected printed lines, in the order of the revoked certificate's fields.
	 */
	@Transactional
	public CertificateView reissue(String verificationCode, String reason, String holder, List<String> values,
			StaffUser officer) {
		Certificate revoked = revocable(verificationCode, reason, officer);
		List<PrintedField> fields = corrected(revoked.printedFields(), values);
		if (holder == null || holder.isBlank() || holder.length() > 200 || !VisibleText.Validator.isVisible(holder)) {
			throw new CertificateChangeRejectedException("certificates.error.holder");
		}
		// the revocation must reach the database before the replacement takes the case's "valid" slot
		repository.saveAndFlush(revoked);
		ExpedienteView expediente = expedientes.find(revoked.expedienteId()).orElseThrow();
		return toView(issue(expediente, revoked.documentType(), holder.strip(), fields, revoked.legend(), revoked));
	}

	/** Who signs the municipality's new documents and its coat of arms (PNG or JPEG; null keeps the current one). */
	public void setSignatory(String ubigeo, String officerName, String officerTitle, byte[] coatOfArms,
			String updatedBy) {
		signatories.save(ubigeo, officerName, officerTitle, coatOfArms, updatedBy);
	}

	public String verificationUrl(String code) {
		return publicUrl + "/verificar/" + code;
	}

	private Certificate issue(ExpedienteView expediente, DocumentType type, String holder, List<PrintedField> fields,
			String legend, Certificate replaces) {
		MunicipalityView municipality = municipalities.get(expediente.ubigeo());
		ZonedDateTime now = clock.now();
		int sequence = nextNumber(municipality.ubigeo(), type, now.getYear());
		String code = newVerificationCode();
		Signatory signatory = signatories.of(municipality.ubigeo(), contents.signingOffice(type, expediente));
		CertificateFacts facts = new CertificateFacts(municipality, expediente.id(), signatory, type, now.getYear(),
				sequence, type.number(now.getYear(), sequence), code, holder, fields, expediente.caseNumber(), legend,
				replaces == null ? null : replaces.number(), now.toInstant(), verificationUrl(code));
		byte[] signed = signer.sign(renderer.render(facts), keys.forMunicipality(municipality),
				signatory.officerName() == null ? municipality.name() : signatory.officerName(),
				messages.getMessage("certificate.signature.reason", new Object[] { facts.number() }, SPANISH),
				municipality.name(), now.toInstant());
		Certificate saved = repository.save(
				new Certificate(facts, replaces == null ? null : replaces.id(), Documents.sha256(signed)));
		files.save(new CertificateFile(saved.id(), signed));
		events.publishEvent(new DocumentIssued(expediente.id(), expediente.caseNumber(), municipality.ubigeo(), type,
				facts.number(), code, facts.verificationUrl(), facts.issuedAt(), replaces != null));
		return saved;
	}

	private Certificate revocable(String verificationCode, String reason, StaffUser officer) {
		Certificate certificate = visibleTo(verificationCode, officer);
		if (!canRevoke(officer)) {
			throw new AccessDeniedException("Only the management office revokes certificates");
		}
		if (reason == null || reason.strip().length() < 10 || reason.strip().length() > 500
				|| !VisibleText.Validator.isVisible(reason)) {
			throw new CertificateChangeRejectedException("certificates.error.reason");
		}
		certificate.revoke(clock.now().toInstant(), officer.id(), reason.strip());
		return certificate;
	}

	private static List<PrintedField> corrected(List<PrintedField> printed, List<String> values) {
		if (values == null || values.size() != printed.size()) {
			throw new CertificateChangeRejectedException("certificates.error.fields");
		}
		List<PrintedField> fields = new ArrayList<>();
		for (int i = 0; i < printed.size(); i++) {
			String value = values.get(i) == null ? "" : values.get(i).strip();
			if (value.isEmpty() || value.length() > 250 || !VisibleText.Validator.isVisible(value)) {
				throw new CertificateChangeRejectedException("certificates.error.fields");
			}
			fields.add(new PrintedField(printed.get(i).label(), value));
		}
		return fields;
	}

	private Certificate visibleTo(String verificationCode, StaffUser officer) {
		return repository.findByVerificationCode(normalize(verificationCode))
			.filter(certificate -> officer.worksIn(certificate.ubigeo()))
			.orElseThrow(() -> new NotFoundException("certificate " + verificationCode));
	}

	private CertificateView toView(Certificate certificate) {
		String caseNumber = expedientes.find(certificate.expedienteId()).map(ExpedienteView::caseNumber).orElse(null);
		Certificate replaces = certificate.replacesId() == null ? null
				: repository.findById(certificate.replacesId()).orElse(null);
		Certificate replacedBy = repository.findByReplacesId(certificate.id()).orElse(null);
		return certificate.toView(municipalities.get(certificate.ubigeo()).name(), caseNumber, replaces, replacedBy);
	}

	/** The verification code our PDFs carry in their keywords, if the file is a readable PDF at all. */
	private static Optional<String> claimedCode(byte[] content) {
		try (PDDocument document = Loader.loadPDF(content)) {
			return Optional.ofNullable(document.getDocumentInformation().getKeywords()).map(Certificates::normalize);
		}
		catch (IOException e) {
			return Optional.empty();
		}
	}

	/** Gap-free: the counter row is locked until the issuing transaction ends and rolls back with it. */
	private int nextNumber(String ubigeo, DocumentType type, int year) {
		return jdbc.queryForObject("""
				INSERT INTO tramita.certificate_counter (ubigeo, document_type, year, last_value) VALUES (?, ?, ?, 1)
				ON CONFLICT (ubigeo, document_type, year) DO UPDATE SET last_value = certificate_counter.last_value + 1
				RETURNING last_value""", Integer.class, ubigeo, type.name(), year);
	}

	private static String newVerificationCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	private static String normalize(String code) {
		if (code == null) {
			return "";
		}
		String compact = code.replaceAll("\\s", "").toUpperCase(Locale.ROOT).replace("-", "");
		return compact.length() == 10 ? compact.substring(0, 5) + "-" + compact.substring(5) : compact;
	}

}
