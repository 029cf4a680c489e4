package pe.tramita.certificate;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.springframework.context.support.ResourceBundleMessageSource;

import pe.tramita.municipality.MunicipalityKind;
import pe.tramita.municipality.MunicipalityView;

/**
 * The certificate renderer and signer outside the application, for the benchmark: the same page rendered as
 * unsigned PDF/A, or rendered and signed with a demo key of the municipality.
 */
public final class CertificateWorkbench {

	private static final MunicipalityView CAJAMARCA = new MunicipalityView("060101",
			"Municipalidad Provincial de Cajamarca", "Cajamarca", "Cajamarca", MunicipalityKind.PROVINCIAL);

	private final CertificatePdf renderer;

	private final PdfSigner signer = new PdfSigner();

	private final SigningKey key;

	private final byte[] coatOfArms;

	public CertificateWorkbench(Path keyDirectory, byte[] coatOfArms) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		this.renderer = new CertificatePdf(messages);
		this.key = new SigningKeys(keyDirectory, "", true).forMunicipality(CAJAMARCA);
		this.coatOfArms = coatOfArms;
	}

	/** Plain PDFBox rendering of the licence page (PDF/A, fonts embedded, QR), no signature: the baseline. */
	public byte[] unsigned(int sequence) {
		return renderer.render(facts(sequence));
	}

	/** The same page rendered and signed, as Tramita issues it. */
	public byte[] signed(int sequence) {
		CertificateFacts facts = facts(sequence);
		return signer.sign(renderer.render(facts), key, "Gonzalo Gerente", "Emisión", CAJAMARCA.name(),
				facts.issuedAt());
	}

	private CertificateFacts facts(int sequence) {
		String number = DocumentType.LICENCIA_FUNCIONAMIENTO.number(2026, sequence);
		String code = "ABCDE-%05d".formatted(sequence % 100000);
		List<PrintedField> fields = List.of(new PrintedField("certificate.pdf.ruc", "20131312955"),
				new PrintedField("certificate.pdf.tradeName", "Bodega Doña Juana"),
				new PrintedField("certificate.pdf.address", "Jr. Del Comercio 456"),
				new PrintedField("certificate.pdf.activity", "Venta de abarrotes"),
				new PrintedField("certificate.pdf.area", new BigDecimal("35.75").toPlainString() + " m²"),
				new PrintedField("certificate.pdf.risk", "Bajo"),
				new PrintedField("certificate.pdf.validity", "Indeterminada"));
		return new CertificateFacts(CAJAMARCA, sequence, new Signatory("Gonzalo Gerente", "Gerente Municipal", coatOfArms),
				DocumentType.LICENCIA_FUNCIONAMIENTO, 2026, sequence, number, code, "Bodega Doña Juana E.I.R.L.", fields,
				"060101-2026-%06d".formatted(sequence), null, null, Instant.parse("2026-11-27T15:00:00Z"),
				"http://localhost:8080/verificar/" + code);
	}

}
