package pe.tramita.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.CaseSteps;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.TramitaTest;

/** Each kind of bad input gets a clear message, and nothing is stored: no case, no document, no process. */
@TramitaTest
class BadInputTests {

	private static final String UBIGEO = "060101";

	private static final String FORM = "/m/" + UBIGEO + "/tramites/licencia-funcionamiento/solicitud";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	Applications applications;

	@Test
	void invalidDniIsRefused() throws Exception {
		assertRefused(Map.of("documentNumber", "1234567"), validPdf(), "el DNI tiene 8 dígitos.");
	}

	@Test
	void foreignersCardNeedsNineDigits() throws Exception {
		assertRefused(Map.of("documentType", "CE", "documentNumber", "45678912"), validPdf(),
				"el carné de extranjería tiene 9 dígitos.");
	}

	@Test
	void rucWithAWrongCheckDigitIsRefused() throws Exception {
		assertRefused(Map.of("ruc", "20131312954"), validPdf(), "no es un RUC válido");
	}

	@Test
	void missingFieldsAreEachNamed() throws Exception {
		String page = assertRefused(Map.of("applicantName", "", "email", "", "address", "", "areaM2", ""), validPdf(),
				"Nombres y apellidos: es obligatorio.");
		assertThat(page).contains("Correo electrónico: es obligatorio.",
				"El campo «Dirección del establecimiento» es obligatorio.",
				"El campo «Área del establecimiento (m²)» es obligatorio.");
	}

	@Test
	void badEmailAreaAndUndeclaredOathAreRefused() throws Exception {
		String page = assertRefused(Map.of("email", "juana-arroba-example", "areaM2", "-3", "declarationAccepted", "false"),
				validPdf(), "no es un correo electrónico válido.");
		assertThat(page).contains("debe ser un número entre 1 y 100000", "debe aceptar la declaración jurada");
	}

	@Test
	void areaThatIsNotANumberIsRefusedWithoutAStackTrace() throws Exception {
		assertRefused(Map.of("areaM2", "cuarenta"), validPdf(), "debe ser un número, por ejemplo 45.50.");
	}

	@Test
	void requiredDocumentMissingIsRefused() throws Exception {
		assertRefused(Map.of(), null, "Falta el documento obligatorio: Declaración jurada");
	}

	@Test
	void executableNamedPdfIsRefused() throws Exception {
		assertRefused(Map.of(), SampleFiles.part(UPLOAD, "declaracion.pdf", "application/pdf", SampleFiles.exe()),
				"El archivo «declaracion.pdf» no es un PDF, JPG ni PNG.");
	}

	@Test
	void pdfNamedAsImageIsRefused() throws Exception {
		assertRefused(Map.of(), SampleFiles.part(UPLOAD, "foto.png", "image/png", SampleFiles.pdf()),
				"no corresponde a su contenido");
	}

	@Test
	void oversizedUploadIsRefusedAndTheFormKeepsItsValues() throws Exception {
		byte[] big = new byte[6 * 1024 * 1024];
		System.arraycopy(SampleFiles.pdf(), 0, big, 0, 10);
		String page = assertRefused(Map.of(), SampleFiles.part(UPLOAD, "grande.pdf", "application/pdf", big),
				"El archivo «grande.pdf» pesa más de 5 MB.");
		// Spring's form binding escapes non-ASCII letters as HTML entities; browsers show "Ñahui"
		assertThat(page).contains("value=\"Juana Quispe &Ntilde;ahui\"", "value=\"20131312955\"");
	}

	@Test
	void wrongAccessCodeAndWrongNumberGetTheSameAnswer() throws Exception {
		Filing filing = applications.fileLicence("060101", RiskLevel.BAJO);
		String wrongCode = lookup(filing.caseNumber(), "AAAA-BBBB-CCCC");
		String wrongNumber = lookup("060101-2020-999999", filing.accessCode());
		String right = CaseSteps.statusPage(mvc, filing.caseNumber(), filing.accessCode().toLowerCase());
		assertThat(wrongCode).contains("No encontramos un expediente con ese número y código de acceso.")
			.doesNotContain("Juana");
		assertThat(withoutTypedNumber(wrongNumber)).isEqualTo(withoutTypedNumber(wrongCode));
		assertThat(right).contains("Bodega Doña Juana", "En trámite");
	}

	private static final String UPLOAD = "documento-declaracion-itse";

	private static String withoutTypedNumber(String page) {
		return page.replaceAll("name=\"expediente\" value=\"[^\"]*\"", "").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	private static MockMultipartFile validPdf() {
		return SampleFiles.part(UPLOAD, "dj.pdf", "application/pdf", SampleFiles.pdf());
	}

	private String lookup(String number, String code) throws Exception {
		var answer = mvc.perform(post("/consulta").with(csrf()).param("expediente", number).param("codigo", code))
			.andReturn().getResponse();
		assertThat(answer.getStatus()).isIn(200, 404);
		return answer.getContentAsString();
	}

	/** Posts a valid application with some fields changed, expects the form back with the message and nothing saved. */
	private String assertRefused(Map<String, String> changes, MockMultipartFile file, String message) throws Exception {
		long cases = cases();
		long documents = documents();
		long instances = runtimeService.createProcessInstanceQuery().tenantIdIn(UBIGEO).count();
		MockMultipartHttpServletRequestBuilder request = multipart(FORM);
		if (file != null) {
			request.file(file);
		}
		Map<String, String> fields = new java.util.LinkedHashMap<>(Applications.formFields(RiskLevel.BAJO));
		fields.putAll(changes);
		fields.forEach((name, value) -> request.param(name, value));
		String page = mvc.perform(request.with(csrf())).andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Revise los datos marcados; no se ha guardado nada todavía.", message);
		assertThat(cases()).isEqualTo(cases);
		assertThat(documents()).isEqualTo(documents);
		assertThat(runtimeService.createProcessInstanceQuery().tenantIdIn(UBIGEO).count()).isEqualTo(instances);
		return page;
	}

	/** The form's municipality's cases and documents: what a refused application would have added to. */
	private long cases() {
		return jdbc.queryForObject("SELECT count(*) FROM tramita.expediente WHERE ubigeo = ?", Long.class, UBIGEO);
	}

	private long documents() {
		return jdbc.queryForObject("SELECT count(*) FROM tramita.document WHERE ubigeo = ?", Long.class, UBIGEO);
	}

}
