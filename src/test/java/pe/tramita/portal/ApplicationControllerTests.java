package pe.tramita.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.util.unit.DataSize;

import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.ModelTexts;
import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.Tupa;
import pe.tramita.document.Documents;
import pe.tramita.document.HeldUploads;
import pe.tramita.form.ModelFormField;
import pe.tramita.form.ModelForms;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityKind;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.security.StaffMenu;
import pe.tramita.web.Formats;

/**
 * The application form's controller alone, in a web slice without the security filters (seconds): the form is the model's, a refused field comes
 * back marked with nothing filed, a valid one is filed and leads to the receipt. Given the services' answers; the
 * journeys on the real engine and database are ModelApplicationHttpTests and LicenceJourneyHttpTests.
 */
@WebMvcTest(ApplicationController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ Formats.class, ModelTexts.class, StaffMenu.class })
class ApplicationControllerTests {

	static final String FORM = "/m/060101/tramites/queja-reclamo/solicitud";

	static final ModelFormField WHAT_HAPPENED = new ModelFormField("hechos", "Qué ocurrió", "string", true, false, 20,
			2000, null, null, Map.of(), null, "", null, null);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Municipalities municipalities;

	@MockitoBean
	Tupa tupa;

	@MockitoBean
	LegalClock clock;

	@MockitoBean
	Documents documents;

	@MockitoBean
	Expedientes expedientes;

	@MockitoBean
	FilingReceipts receipts;

	@MockitoBean
	HeldUploads heldUploads;

	@MockitoBean
	PaymentPanel paymentPanel;

	@BeforeEach
	void aMunicipalityAndItsProcedure() {
		Procedure complaint = mock(Procedure.class);
		when(complaint.key()).thenReturn("queja-reclamo");
		when(complaint.name()).thenReturn("Queja o reclamo");
		when(complaint.uploads()).thenReturn(List.of());
		when(municipalities.get("060101")).thenReturn(new MunicipalityView("060101", "Municipalidad Provincial de Cajamarca",
				"Cajamarca", "Cajamarca", MunicipalityKind.PROVINCIAL));
		when(clock.today()).thenReturn(LocalDate.of(2026, 12, 1));
		when(tupa.find(eq("060101"), eq("queja-reclamo"), anyInt()))
			.thenReturn(Optional.of(new Tupa.Entry(complaint, null, null, null)));
		when(documents.maxSize()).thenReturn(DataSize.ofMegabytes(25));
		when(expedientes.applicationFields(eq("060101"), any())).thenReturn(List.of(WHAT_HAPPENED));
	}

	@Test
	void theFormIsTheOneTheModelDeclares() throws Exception {
		String page = mvc.perform(get(FORM)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Qué ocurrió", "name=\"hechos\"", "name=\"documentNumber\"");
	}

	@Test
	void aRefusedFieldComesBackMarkedAndNothingIsFiled() throws Exception {
		String page = mvc.perform(applicant(multipart(FORM)).param("hechos", "Muy corto").with(csrf()))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("«Qué ocurrió» debe tener al menos 20 caracteres.");
		verify(expedientes, never()).apply(anyString(), any(), any(), anyMap(), any());
	}

	@Test
	void aValidApplicationIsFiledAndLeadsToTheReceipt() throws Exception {
		Filing filing = new Filing("060101-2026-000123", "ABCD-EFGH", LocalDate.of(2026, 12, 22));
		when(expedientes.apply(eq("060101"), any(), any(), anyMap(), any())).thenAnswer(
				call -> new Expedientes.ModelApplication(ModelForms.parse(List.of(WHAT_HAPPENED), call.getArgument(3)),
						filing));
		mvc.perform(applicant(multipart(FORM)).param("hechos", "El camión recolector no pasa desde hace dos semanas.")
			.with(csrf()))
			.andExpect(redirectedUrl("/m/060101/tramites/queja-reclamo/presentada"));
		verify(receipts).hand(eq(filing), any(), any());
	}

	private static MockMultipartHttpServletRequestBuilder applicant(MockMultipartHttpServletRequestBuilder request) {
		request.param("documentType", "DNI").param("documentNumber", "45678912").param("applicantName", "Juana Quispe")
			.param("email", "juana@example.pe").param("declarationAccepted", "true");
		return request;
	}

}
