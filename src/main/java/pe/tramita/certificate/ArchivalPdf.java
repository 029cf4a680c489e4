package pe.tramita.certificate;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

import pe.tramita.TramitaApplication;

/** What makes a rendered document PDF/A-2b: certificates, receipts and the advisors' reports alike. */
public final class ArchivalPdf {

	private static final byte[] SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	private ArchivalPdf() {
	}

	/** PDF/A-2b: output intent, and XMP metadata saying the same as the document information dictionary. */
	public static void makeArchival(PDDocument document, String title, String author, String keywords, Instant when)
			throws IOException {
		ZonedDateTime issued = when.atZone(TramitaApplication.LIMA).truncatedTo(ChronoUnit.SECONDS);

		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(title);
		info.setAuthor(author);
		info.setCreator("Tramita");
		info.setProducer("Tramita (Apache PDFBox)");
		info.setKeywords(keywords);
		info.setCreationDate(GregorianCalendar.from(issued));
		info.setModificationDate(GregorianCalendar.from(issued));

		PDMetadata metadata = new PDMetadata(document);
		metadata.importXMPMetadata(xmp(title, author, keywords, issued));
		document.getDocumentCatalog().setMetadata(metadata);

		PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB_PROFILE));
		intent.setInfo("sRGB IEC61966-2.1");
		intent.setOutputCondition("sRGB IEC61966-2.1");
		intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
		intent.setRegistryName("http://www.color.org");
		document.getDocumentCatalog().addOutputIntent(intent);
	}

	private static byte[] xmp(String title, String author, String keywords, ZonedDateTime issued) {
		String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(issued);
		String xml = """
				<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
				<x:xmpmeta xmlns:x="adobe:ns:meta/">
				 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
				  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
				    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
				    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
				   <pdfaid:part>2</pdfaid:part>
				   <pdfaid:conformance>B</pdfaid:conformance>
				   <dc:format>application/pdf</dc:format>
				   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
				   <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
				   <xmp:CreatorTool>Tramita</xmp:CreatorTool>
				   <xmp:CreateDate>%s</xmp:CreateDate>
				   <xmp:ModifyDate>%s</xmp:ModifyDate>
				   <pdf:Producer>Tramita (Apache PDFBox)</pdf:Producer>
				   <pdf:Keywords>%s</pdf:Keywords>
				  </rdf:Description>
				 </rdf:RDF>
				</x:xmpmeta>
				<?xpacket end="w"?>""".formatted(xml(title), xml(author), date, date,
				xml(keywords));
		return xml.getBytes(StandardCharsets.UTF_8);
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
