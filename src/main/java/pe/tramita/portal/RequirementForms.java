package pe.tramita.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;

import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.Procedure.Form;
import pe.tramita.certificate.PdfPages;
import pe.tramita.municipality.MunicipalityView;

/**
 * The blank form of a requirement (a sworn statement) as an A4 PDF to print, fill in by hand, sign and upload: the
 * municipality and procedure on top, the blanks, what the signer declares, the closing sentence, place, date and
 * signature. New pages as the text needs them.
 */
@Component
class RequirementForms {

	private static final float SIZE = 10.5f;

	byte[] pdf(MunicipalityView municipality, Procedure procedure, Form form) {
		try (PDDocument document = new PDDocument()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(form.title());
			info.setAuthor(municipality.name());
			try (PdfPages sheet = new PdfPages(document)) {
				sheet.centered(true, 12, municipality.name());
				sheet.centered(false, SIZE, procedure.name());
				sheet.space(10);
				sheet.paragraph(true, 14, form.title());
				sheet.space(8);
				sheet.paragraph(false, SIZE, "Yo, quien suscribe:");
				for (String blank : form.fill()) {
					sheet.blank(blank, SIZE);
				}
				sheet.space(8);
				sheet.paragraph(true, SIZE, "DECLARO BAJO JURAMENTO:");
				int item = 0;
				for (String statement : form.declares()) {
					sheet.paragraph(false, SIZE, ++item + ". " + statement);
					sheet.space(2);
				}
				sheet.space(6);
				sheet.paragraph(false, SIZE, form.closing());
				sheet.space(10);
				sheet.blank("Lugar y fecha", SIZE);
				sheet.space(24);
				sheet.blank("Firma", SIZE);
				sheet.blank("Nombres y apellidos, DNI", SIZE);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot render the form " + form.title(), e);
		}
	}

}
