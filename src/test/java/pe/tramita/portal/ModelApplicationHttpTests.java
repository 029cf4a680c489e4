package pe.tramita.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.CaseSteps;
import pe.tramita.support.FilingReceipts;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.TramitaTest;

/**
 * A procedure whose application form its BPMN model declares (queja-reclamo): the citizen fills it in, bad input is
 * refused field by field with nothing saved, and the case shows what was filed.
 */
@TramitaTest
class ModelApplicationHttpTests {

	static final String FORM = "/m/060101/tramites/queja-reclamo/solicitud";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theFormIsTheOneTheModelDeclares() throws Exception {
		String form = mvc.perform(get(FORM)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("Servicio o atención que reclama", "Limpieza pública y recojo de residuos",
				"Qué ocurrió", "Qué pide a la municipalidad", "documento-pruebas")
			.doesNotContain("name=\"ruc\"");
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNothingIsSaved() throws Exception {
		int before = cases();
		Map<String, String> fields = new HashMap<>(Applications.complaintFields());
		fields.put("hechos", "Muy corto");
		fields.put("pedido", "");
		fields.put("fechaHechos", "31/02/2026");
		fields.put("servicio", "INVENTADO");
		fields.put("documentNumber", "123");
		String page = submit(fields).andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
			.getContentAsString();

		assertThat(page).contains("Qué ocurrió", "Qué pide a la municipalidad", "Cuándo ocurrió",
				"Servicio o atención que reclama", "8 dígitos", "Muy corto");
		assertThat(cases()).isEqualTo(before);

		Map<String, String> noOath = new HashMap<>(Applications.complaintFields());
		noOath.put("declarationAccepted", "false");
		submit(noOath).andExpect(status().isUnprocessableEntity());
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aValidComplaintIsFiledAndTheCitizenSeesWhatWasFiled() throws Exception {
		MvcResult filed = submit(new HashMap<>(Applications.complaintFields())).andExpect(status().is3xxRedirection())
			.andReturn();
		Filing filing = FilingReceipts.read(mvc, filed);

		String status = CaseSteps.statusPage(mvc, filing.caseNumber(), filing.accessCode());
		assertThat(status).contains("Reclamo por la atención o un servicio municipal",
				"Limpieza pública y recojo de residuos", "El camión recolector no pasa por el Jr. Amalia Puga");
	}

	@Test
	void eachProcedureChecksTheFieldsItsModelDeclaresWhateverThePagePosted() throws Exception {
		int before = cases();
		// the business licence's form, posted to the complaint: it would skip every field the complaint's model declares
		MockMultipartHttpServletRequestBuilder licenceForm = multipart(FORM);
		Applications.formFields(RiskLevel.BAJO).forEach((name, value) -> licenceForm.param(name, value));
		String page = mvc.perform(licenceForm.with(csrf())).andExpect(status().isUnprocessableEntity()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("no se ha guardado nada", "Qué ocurrió", "Qué pide a la municipalidad");
		assertThat(cases()).isEqualTo(before);

		// and the complaint's form posted to the business licence
		int licences = licences();
		MockMultipartHttpServletRequestBuilder modelForm = multipart("/m/060101/tramites/licencia-funcionamiento/solicitud");
		Map<String, String> fields = new HashMap<>(Applications.complaintFields());
		fields.putAll(Map.of("formularioDelModelo", "1", "documentType", "DNI", "documentNumber", "45678912",
				"applicantName", "Juana Quispe Ñahui", "email", "juana@example.pe", "declarationAccepted", "true"));
		fields.forEach((name, value) -> modelForm.param(name, value));
		String licencePage = mvc.perform(modelForm.with(csrf())).andExpect(status().isUnprocessableEntity()).andReturn()
			.getResponse().getContentAsString();
		assertThat(licencePage).contains("no se ha guardado nada", "«RUC» es obligatorio", "name=\"ruc\"");
		assertThat(licences()).isEqualTo(licences);
	}

	private org.springframework.test.web.servlet.ResultActions submit(Map<String, String> fields) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart(FORM);
		request.file(SampleFiles.part("documento-pruebas", "foto.pdf", "application/pdf", SampleFiles.pdf()));
		Map<String, String> all = new HashMap<>(Map.of("formularioDelModelo", "1", "documentType", "DNI",
				"documentNumber", "45678912", "applicantName", "Juana Quispe Ñahui", "email", "juana@example.pe",
				"phone", "976111222", "declarationAccepted", "true"));
		all.putAll(fields);
		all.forEach((name, value) -> request.param(name, value));
		return mvc.perform(request.with(csrf()));
	}

	private int licences() {
		return jdbc.queryForObject(
				"SELECT count(*) FROM tramita.expediente WHERE ubigeo = '060101' AND procedure_key = 'licencia-funcionamiento'",
				Integer.class);
	}

	private int cases() {
		return jdbc.queryForObject("SELECT count(*) FROM tramita.expediente WHERE ubigeo = '060101' AND procedure_key = 'queja-reclamo'",
				Integer.class);
	}

}
