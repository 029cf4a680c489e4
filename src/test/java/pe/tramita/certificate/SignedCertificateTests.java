package pe.tramita.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collection;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.PdfChecks;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * Every document Tramita issues is checked by tools that are not Tramita: veraPDF (PDF/A-2b), Poppler's pdfsig
 * (signature valid, whole document signed) and BouncyCastle (PAdES attributes); copies changed in any way are told apart.
 */
@TramitaTest
@RecordApplicationEvents
class SignedCertificateTests {

	/** Asunción, a district no other test issues in: its signatory and coat of arms are this class's. */
	static final String ASUNCION = "060102";

	@Autowired
	Applications applications;

	@Autowired
	Certificates certificates;

	@Autowired
	Staff staff;

	@Autowired
	ApplicationEvents events;

	@BeforeEach
	void signatoryWithCoatOfArms() {
		certificates.setSignatory(ASUNCION, "Rosa Chávez Huamán", "Alcaldesa", SampleFiles.pngWithTransparency(),
				"prueba");
	}

	@Test
	void everyDocumentTypeIsPdfA2bAndItsSignatureIsValidForPdfsig() throws IOException {
		CertificateView licence = issue(DocumentType.LICENCIA_FUNCIONAMIENTO, null);
		CertificateView building = issue(DocumentType.LICENCIA_EDIFICACION, CertificateProcessActions.POSITIVE_SILENCE_LEGEND);
		CertificateView constancia = issue(DocumentType.CONSTANCIA, null);
		CertificateView corrected = certificates.reissue(constancia.verificationCode(), "Nombre del titular mal escrito.",
				"Juana Quispe Ñahui de Torres", constancia.fields().stream().map(PrintedField::value).toList(),
				staff.clerk("gerencia", ASUNCION));

		assertThat(events.stream(DocumentIssued.class)).as("each issuance told the other modules")
			.extracting(DocumentIssued::number, DocumentIssued::verificationCode, DocumentIssued::replacement)
			.contains(tuple(licence.number(), licence.verificationCode(), false),
					tuple(building.number(), building.verificationCode(), false),
					tuple(constancia.number(), constancia.verificationCode(), false),
					tuple(corrected.number(), corrected.verificationCode(), true));

		for (CertificateView issued : new CertificateView[] { licence, building, constancia, corrected }) {
			byte[] pdf = pdf(issued);
			keepForLooking(issued, pdf);
			assertThat(PdfChecks.pdfA2bFailures(pdf)).as("veraPDF PDF/A-2b failures of %s", issued.number()).isEmpty();
			assertThat(PdfChecks.pdfsig(pdf)).as("pdfsig on %s", issued.number())
				.contains("Signature Type: ETSI.CAdES.detached")
				.contains("Signature Validation: Signature is Valid.")
				.contains("Total document signed")
				.contains("Municipalidad Distrital de Asunción (DEMO)");
		}
		assertThat(PdfChecks.text(pdf(licence))).contains("LICENCIA DE FUNCIONAMIENTO", licence.number(), "Bodega Doña Juana E.I.R.L.",
				"Rosa Chávez Huamán", "Alcaldesa", licence.verificationCode());
		assertThat(PdfChecks.text(pdf(building))).contains("LICENCIA DE EDIFICACIÓN", "SILENCIO ADMINISTRATIVO POSITIVO",
				"36 meses");
		assertThat(PdfChecks.text(pdf(corrected))).contains("CONSTANCIA", "Juana Quispe Ñahui de Torres",
				"reemplaza al N° " + constancia.number());
		assertThat(images(pdf(licence))).as("the coat of arms (the QR code is drawn as vectors)").isEqualTo(1);
	}

	@Test
	void theSignatureIsPadesBaselineBByTheMunicipalitysKey() throws Exception {
		byte[] pdf = pdf(issue(DocumentType.LICENCIA_FUNCIONAMIENTO, null));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDSignature signature = document.getLastSignatureDictionary();
			assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
			byte[] signedContent = signature.getSignedContent(pdf);
			// the signature's slot is padded with zeros after the CMS structure: read the structure alone
			ContentInfo signed = ContentInfo.getInstance(new ASN1InputStream(signature.getContents(pdf)).readObject());
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), signed);
			SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
			@SuppressWarnings("unchecked")
			Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());

			assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
			assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
			assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).as("PAdES: time in /M only").isNull();
			X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
			assertThat(subject.getRDNs(BCStyle.SERIALNUMBER)[0].getFirst().getValue().toString()).isEqualTo(ASUNCION);
			assertThat(signature.getSignDate()).isNotNull();
			assertThat(cms.getCertificates().getMatches(null)).as("signer and demo CA").hasSize(2);
		}
	}

	@Test
	void aCopyChangedInsideTheSignedBytesFailsPdfsigAndTheFileCheck() {
		CertificateView issued = issue(DocumentType.LICENCIA_FUNCIONAMIENTO, null);
		byte[] tampered = pdf(issued);
		int offset = tampered.length / 3;
		tampered[offset] = (byte) (tampered[offset] ^ 0x01);

		assertThat(PdfChecks.pdfsig(tampered)).doesNotContain("Signature is Valid.");
		Certificates.FileCheck check = certificates.check(tampered);
		assertThat(check.outcome()).isIn(Certificates.FileCheck.Outcome.MODIFIED, Certificates.FileCheck.Outcome.UNKNOWN);
		assertThat(certificates.check(pdf(issued)).outcome()).isEqualTo(Certificates.FileCheck.Outcome.ORIGINAL);
	}

	@Test
	void aCopyWithAChangeAppendedAfterSigningIsNotTotallySignedAndIsModified() throws IOException {
		CertificateView issued = issue(DocumentType.LICENCIA_FUNCIONAMIENTO, null);
		byte[] tampered = appendText(pdf(issued), "VALIDO HASTA 2099");

		assertThat(PdfChecks.text(tampered)).contains("VALIDO HASTA 2099");
		assertThat(PdfChecks.pdfsig(tampered)).contains("Not total document signed");
		Certificates.FileCheck check = certificates.check(tampered);
		assertThat(check.outcome()).isEqualTo(Certificates.FileCheck.Outcome.MODIFIED);
		assertThat(check.certificate().number()).isEqualTo(issued.number());
	}

	@Test
	void aPdfTramitaDidNotIssueIsUnknown() {
		assertThat(certificates.check(SampleFiles.pdf()).outcome()).isEqualTo(Certificates.FileCheck.Outcome.UNKNOWN);
	}

	private CertificateView issue(DocumentType type, String legend) {
		return certificates.issue(applications.fileLicenceCase(ASUNCION, RiskLevel.BAJO), type, "BAJO", legend);
	}

	private byte[] pdf(CertificateView certificate) {
		return certificates.pdf(certificate.verificationCode()).orElseThrow().content();
	}

	/** The issued files stay in target/certificates, to be looked at (e.g. pdftoppm -png) like the screenshots. */
	private static void keepForLooking(CertificateView issued, byte[] pdf) throws IOException {
		Path folder = Files.createDirectories(Path.of("target", "certificates"));
		Files.write(folder.resolve(issued.documentType() + "-" + issued.number() + ".pdf"), pdf);
	}


	private static long images(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDPage page = document.getPage(0);
			long count = 0;
			for (var name : page.getResources().getXObjectNames()) {
				if (page.getResources().getXObject(name) instanceof PDImageXObject) {
					count++;
				}
			}
			return count;
		}
	}

	/** What a forger with PDFBox would do: draw on the page and save it as an incremental update. */
	private static byte[] appendText(byte[] pdf, String text) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDPage page = document.getPage(0);
			try (PDPageContentStream content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 14);
				content.newLineAtOffset(300, 400);
				content.showText(text);
				content.endText();
			}
			page.getCOSObject().setNeedToBeUpdated(true);
			page.getResources().getCOSObject().setNeedToBeUpdated(true);
			document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
			document.getPages().getCOSObject().setNeedToBeUpdated(true);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.saveIncremental(out);
			return out.toByteArray();
		}
	}

}
