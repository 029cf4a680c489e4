package pe.tramita.certificate;

import java.security.SecureRandom;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.calendar.LegalClock;
import pe.tramita.document.Documents;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;

/**
 * Issued certificates: numbered per municipality, document type and year without gaps, rendered once as PDF and
 * kept, verifiable by anyone through their code.
 */
@Service
public class Certificates {

	static final String LICENCIA_FUNCIONAMIENTO = "LICENCIA_FUNCIONAMIENTO";

	private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private static final SecureRandom random = new SecureRandom();

	private final CertificateRepository repository;

	private final Expedientes expedientes;

	private final Municipalities municipalities;

	private final LicencePdf licencePdf;

	private final LegalClock clock;

	private final JdbcTemplate jdbc;

	private final String publicUrl;

	Certificates(CertificateRepository repository, Expedientes expedientes, Municipalities municipalities,
			LicencePdf licencePdf, LegalClock clock, JdbcTemplate jdbc, @Value("${tramita.public-url}") String publicUrl) {
		this.repository = repository;
		this.expedientes = expedientes;
		this.municipalities = municipalities;
		this.licencePdf = licencePdf;
		this.clock = clock;
		this.jdbc = jdbc;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	/** Issues the licence of an approved case; issuing twice for one case is refused by the database. */
	@Transactional
	public CertificateView issueLicence(long expedienteId, String riskLevel) {
		ExpedienteView expediente = expedientes.find(expedienteId).orElseThrow();
		MunicipalityView municipality = municipalities.get(expediente.ubigeo());
		var now = clock.now();
		int sequence = nextNumber(expediente.ubigeo(), LICENCIA_FUNCIONAMIENTO, now.getYear());
		String number = "LF-%d-%06d".formatted(now.getYear(), sequence);
		String code = newVerificationCode();
		CertificateFacts facts = new CertificateFacts(municipality, expediente, LICENCIA_FUNCIONAMIENTO, now.getYear(),
				sequence, number, code, riskLevel, now.toInstant(), verificationUrl(code));
		byte[] pdf = licencePdf.render(facts);
		Certificate saved = repository.save(new Certificate(facts, pdf, Documents.sha256(pdf)));
		return saved.toView(municipality.name(), expediente.caseNumber());
	}

	@Transactional(readOnly = true)
	public Optional<CertificateView> findByCode(String verificationCode) {
		return repository.findByVerificationCode(normalize(verificationCode)).map(this::toView);
	}

	@Transactional(readOnly = true)
	public Optional<CertificateView> findForCase(long expedienteId) {
		return repository.findByExpedienteId(expedienteId).map(this::toView);
	}

	/** The issued PDF as stored, with the number it carries. */
	public record PdfFile(String number, byte[] content) {
	}

	@Transactional(readOnly = true)
	public Optional<PdfFile> pdf(String verificationCode) {
		return repository.findByVerificationCode(normalize(verificationCode))
			.map(certificate -> new PdfFile(certificate.number(), certificate.pdf()));
	}

	public String verificationUrl(String code) {
		return publicUrl + "/verificar/" + code;
	}

	private CertificateView toView(Certificate certificate) {
		String caseNumber = expedientes.find(certificate.expedienteId()).map(ExpedienteView::caseNumber).orElse(null);
		return certificate.toView(municipalities.get(certificate.ubigeo()).name(), caseNumber);
	}

	/** Gap-free: the counter row is locked until the issuing transaction ends and rolls back with it. */
	private int nextNumber(String ubigeo, String documentType, int year) {
		Integer next = jdbc.queryForObject("""
				INSERT INTO tramita.certificate_counter (ubigeo, document_type, year, last_value) VALUES (?, ?, ?, 1)
				ON CONFLICT (ubigeo, document_type, year) DO UPDATE SET last_value = certificate_counter.last_value + 1
				RETURNING last_value""", Integer.class, ubigeo, documentType, year);
		return next;
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
		String compact = code.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "");
		return compact.length() == 10 ? compact.substring(0, 5) + "-" + compact.substring(5) : compact;
	}

}
