package pe.tramita.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.support.TramitaTest;

/**
 * A requirement that is a sworn statement has a form to download, fill in, sign and upload, linked from the
 * procedure's page and from the application form; anyone may download it, and only requirements that have one do.
 */
@TramitaTest
class RequirementFormsTests {

	static final String FORM = "/m/060101/tramites/licencia-funcionamiento/formatos/declaracion-itse.pdf";

	@Autowired
	MockMvc mvc;

	@Test
	void theSwornStatementIsAPdfWithTheMunicipalityTheBlanksAndWhatIsDeclared() throws Exception {
		MockHttpServletResponse response = mvc.perform(get(FORM)).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader("Content-Disposition")).contains("attachment", "declaracion-itse-060101.pdf");
		try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Municipalidad Provincial de Cajamarca", "Licencia de Funcionamiento",
					"Declaración jurada de cumplimiento de las condiciones de seguridad en la edificación",
					"DNI o carné de extranjería:", "Dirección del establecimiento:", "DECLARO BAJO JURAMENTO:",
					"1. El establecimiento cuenta con salidas y rutas de evacuación",
					"7. Permitiré la inspección técnica de seguridad", "presunción de veracidad", "Firma:",
					"Lugar y fecha:");
			assertThat(pdf.getDocumentInformation().getTitle())
				.isEqualTo("Declaración jurada de cumplimiento de las condiciones de seguridad en la edificación");
		}
	}

	@Test
	void theProcedurePageAndTheApplicationFormLinkToIt() throws Exception {
		assertThat(page("/m/060101/tramites/licencia-funcionamiento")).contains("href=\"" + FORM + "\"",
				"Descargar el formato para llenar y firmar (PDF)");
		assertThat(page("/m/060101/tramites/licencia-funcionamiento/solicitud?lang=en")).contains("href=\"" + FORM + "\"",
				"Download the form to fill in and sign (PDF, in Spanish)");
		page("/?lang=es");
		assertThat(page("/m/060101/tramites/queja-reclamo")).doesNotContain("/formatos/");
	}

	@Test
	void onlyARequirementWithAFormHasOne() throws Exception {
		assertThat(status("/m/060101/tramites/licencia-funcionamiento/formatos/poder.pdf")).isEqualTo(404);
		assertThat(status("/m/060101/tramites/licencia-funcionamiento/formatos/no-existe.pdf")).isEqualTo(404);
		assertThat(status("/m/060101/tramites/no-existe/formatos/declaracion-itse.pdf")).isEqualTo(404);
		assertThat(status("/m/999999/tramites/licencia-funcionamiento/formatos/declaracion-itse.pdf")).isEqualTo(404);
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
	}

	private int status(String url) throws Exception {
		return mvc.perform(get(url)).andReturn().getResponse().getStatus();
	}

}
