package pe.tramita.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.LegalClock;

/**
 * Adds a PAdES baseline-B signature (ETSI.CAdES.detached, SHA-256 with RSA, signing-certificate-v2, no CMS signing
 * time) as an incremental update, so the signed bytes are exactly the rendered PDF/A.
 */
@Component
class PdfSigner {

	/** Room for the CMS container in /Contents; two 2048-bit certificates and the signature need about 3 kB. */
	private static final int SIGNATURE_SIZE = 8192;

	byte[] sign(byte[] pdf, SigningKey key, String signerName, String reason, String location, Instant when) {
		try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
			signature.setName(signerName);
			signature.setReason(reason);
			signature.setLocation(location);
			signature.setSignDate(GregorianCalendar.from(when.atZone(TramitaApplication.LIMA)));
			options.setPreferredSignatureSize(SIGNATURE_SIZE);
			document.addSignature(signature, content -> cms(content, key), options);
			// PDF/A: the (invisible) signature widget must be printable
			for (PDSignatureField field : document.getSignatureFields()) {
				field.getWidgets().forEach(widget -> widget.setPrinted(true));
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + SIGNATURE_SIZE * 2 + 4096);
			document.saveIncremental(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot sign the document", e);
		}
	}

	private static byte[] cms(InputStream signedContent, SigningKey key) throws IOException {
		try {
			byte[] content = signedContent.readAllBytes();
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
				.setSignedAttributeGenerator(new PadesAttributes(signingCertificateV2(key)))
				.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), key.certificate()));
			generator.addCertificates(new JcaCertStore(key.chain()));
			return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
			throw new IOException("Cannot make the CMS signature", e);
		}
	}

	/** The ESS signing-certificate-v2 attribute PAdES requires: SHA-256 of the signer's certificate. */
	private static AttributeTable signingCertificateV2(SigningKey key) throws GeneralSecurityException {
		byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
		SigningCertificateV2 value = new SigningCertificateV2(new ESSCertIDv2[] { new ESSCertIDv2(hash) });
		return new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(value)));
	}

	/** The standard signed attributes without signing-time: PAdES puts the time in the signature dictionary. */
	private static final class PadesAttributes extends DefaultSignedAttributeTableGenerator {

		PadesAttributes(AttributeTable attributes) {
			super(attributes);
		}

		@Override
		@SuppressWarnings({ "rawtypes", "unchecked" })
		protected Hashtable createStandardAttributeTable(Map parameters) {
			Hashtable table = super.createStandardAttributeTable(parameters);
			table.remove(CMSAttributes.signingTime);
			return table;
		}

	}

}
