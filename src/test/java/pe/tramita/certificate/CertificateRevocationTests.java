package pe.tramita.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import pe.tramita.request.Expedientes;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.PdfChecks;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * Management revokes and re-issues certificates of its own municipality, with a published reason; anyone then
 * learns it from the code or the file. Nobody else can, by any route.
 */
@TramitaTest
class CertificateRevocationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Staff staff;

	@Autowired
	Applications applications;

	@Autowired
	Expedientes expedientes;

	@Autowired
	Certificates certificates;

	CertificateView licence;

	Authentication manager;

	@BeforeEach
	void aLicenceOfCajamarca() {
		licence = certificates.issueLicence(applications.fileLicenceCase(Staff.CAJAMARCA, RiskLevel.BAJO), "BAJO");
		manager = staff.login("gerencia", Staff.CAJAMARCA);
	}

	@Test
	void managementRevokesWithAReasonAndVerificationSaysSinceWhenAndWhy() throws Exception {
		assertThat(page(get("/bandeja/certificados").with(authentication(manager)))).contains(licence.number());
		String unconfirmed = page(post("/bandeja/certificados/{c}/revocar", licence.verificationCode())
			.param("motivo", "El local fue clausurado por resolución 123-2026.").with(authentication(manager))
			.with(csrf()), manager);
		assertThat(unconfirmed).contains("No se revocó", "El local fue clausurado por resolución 123-2026.");
		assertThat(certificates.findByCode(licence.verificationCode()).orElseThrow().valid()).as("one click revokes nothing")
			.isTrue();
		perform(post("/bandeja/certificados/{c}/revocar", licence.verificationCode()).param("motivo",
				"El local fue clausurado por resolución 123-2026.").param("confirmo", "true")
			.with(authentication(manager)).with(csrf()))
			.andExpect(status().is3xxRedirection());

		String verification = page(get("/verificar/{c}", licence.verificationCode()));
		assertThat(verification).contains("REVOCADO", "El local fue clausurado por resolución 123-2026.", "id=\"revoked-at\"")
			.doesNotContain("Auténtico y vigente");
		assertThat(page(multipart("/verificar/archivo").file(pdfPart(pdf(licence))).with(csrf())))
			.contains("es el original del documento", "REVOCADO")
			.doesNotContain("está vigente", "flash ok");

		String again = page(post("/bandeja/certificados/{c}/revocar", licence.verificationCode())
			.param("motivo", "Otra vez, por si acaso.").param("confirmo", "true").with(authentication(manager))
			.with(csrf()), manager);
		assertThat(again).contains("ya está revocado");
	}

	@Test
	void aVerificationCodeTypedWithSpacesLowerCaseOrWithoutItsDashIsFound() throws Exception {
		String code = licence.verificationCode();
		String compact = code.replace("-", "");
		for (String typed : List.of(code.toLowerCase(), " " + code + " ", compact.substring(0, 5) + " " + compact.substring(5),
				compact.toLowerCase())) {
			var lookup = mvc.perform(get("/verificar").param("codigo", typed)).andReturn().getResponse();
			assertThat(lookup.getRedirectedUrl()).as(typed).isNotNull();
			assertThat(page(get(lookup.getRedirectedUrl()))).as(typed).contains(licence.number(), "Auténtico y vigente");
		}
		assertThat(page(get("/verificar/{c}", code.toLowerCase()))).contains(licence.number());
	}

	@Test
	void reissueGivesANewNumberThatPointsToTheRevokedOne() throws Exception {
		var detail = page(get("/bandeja/certificados/{c}", licence.verificationCode()).with(authentication(manager)));
		assertThat(detail).contains("reissue-form", "Jr. Del Comercio 456");
		String[] values = licence.fields().stream().map(PrintedField::value).toArray(String[]::new);
		values[2] = "Jr. Del Comercio 465"; // address: the house number was swapped

		perform(post("/bandeja/certificados/{c}/reemitir", licence.verificationCode()).param("motivo",
				"Dirección mal consignada (número de puerta).").param("titular", licence.holder()).param("valor", values)
			.with(authentication(manager)).with(csrf())).andExpect(status().is3xxRedirection());

		CertificateView old = certificates.findByCode(licence.verificationCode()).orElseThrow();
		assertThat(old.status()).isEqualTo(CertificateStatus.REVOCADO);
		CertificateView replacement = certificates.findByCode(old.replacedBy().verificationCode()).orElseThrow();
		assertThat(replacement.valid()).isTrue();
		assertThat(replacement.number()).isNotEqualTo(licence.number());
		assertThat(replacement.replaces().number()).isEqualTo(licence.number());
		assertThat(replacement.fields()).contains(new PrintedField("certificate.pdf.address", "Jr. Del Comercio 465"));
		assertThat(PdfChecks.text(pdf(replacement))).contains("Jr. Del Comercio 465", "reemplaza al N° " + licence.number());
		assertThat(page(get("/verificar/{c}", licence.verificationCode()))).contains("Reemplazado por",
				replacement.number());
		assertThat(certificates.findForCase(caseOf(replacement)).orElseThrow().number()).as("what the citizen sees")
			.isEqualTo(replacement.number());
	}

	@Test
	void aShortReasonOrAnEmptyLineIsRefusedAndNothingChanges() throws Exception {
		String shortReason = page(post("/bandeja/certificados/{c}/revocar", licence.verificationCode())
			.param("motivo", "error").param("confirmo", "true").with(authentication(manager)).with(csrf()), manager);
		assertThat(shortReason).contains("entre 10 y 500 caracteres");

		String[] values = licence.fields().stream().map(PrintedField::value).toArray(String[]::new);
		values[0] = " ";
		String emptyLine = page(post("/bandeja/certificados/{c}/reemitir", licence.verificationCode())
			.param("motivo", "Corrección del RUC del titular.").param("titular", licence.holder()).param("valor", values)
			.with(authentication(manager)).with(csrf()), manager);
		assertThat(emptyLine).contains("Complete todos los datos");

		CertificateView unchanged = certificates.findByCode(licence.verificationCode()).orElseThrow();
		assertThat(unchanged.valid()).isTrue();
		assertThat(unchanged.replacedBy()).isNull();
	}

	@Test
	void otherOfficesMayLookButNotRevoke() throws Exception {
		Authentication licensing = staff.login("licencias", Staff.CAJAMARCA);
		assertThat(page(get("/bandeja/certificados/{c}", licence.verificationCode()).with(authentication(licensing))))
			.contains(licence.number())
			.doesNotContain("revoke-form");
		perform(post("/bandeja/certificados/{c}/revocar", licence.verificationCode())
			.param("motivo", "Intento sin permiso de gerencia.").param("confirmo", "true").with(authentication(licensing))
			.with(csrf()))
			.andExpect(status().isForbidden());
		perform(get("/bandeja/certificados/firma/{u}", Staff.CAJAMARCA).with(authentication(licensing)))
			.andExpect(status().isForbidden());
		assertThat(certificates.findByCode(licence.verificationCode()).orElseThrow().valid()).isTrue();
	}

	@Test
	void anotherMunicipalitysManagementFindsNothingByAnyRoute() throws Exception {
		Authentication banosManager = staff.login("gerencia", Staff.BANOS);
		String code = licence.verificationCode();
		assertThat(page(get("/bandeja/certificados").with(authentication(banosManager)))).doesNotContain(licence.number());
		assertThat(page(get("/bandeja/certificados").param("numero", licence.number()).with(authentication(banosManager))))
			.doesNotContain("id=\"certificates\"", licence.holder(), licence.verificationCode());
		for (var request : new org.springframework.test.web.servlet.RequestBuilder[] {
				get("/bandeja/certificados/{c}", code).with(authentication(banosManager)),
				post("/bandeja/certificados/{c}/revocar", code).param("motivo", "Intento desde otra municipalidad.")
					.param("confirmo", "true").with(authentication(banosManager)).with(csrf()),
				post("/bandeja/certificados/{c}/reemitir", code).param("motivo", "Intento desde otra municipalidad.")
					.param("titular", "Otro").with(authentication(banosManager)).with(csrf()),
				get("/bandeja/certificados/firma/{u}", Staff.CAJAMARCA).with(authentication(banosManager)),
				multipart("/bandeja/certificados/firma/{u}", Staff.CAJAMARCA).param("nombre", "Intruso")
					.param("cargo", "Intruso").with(authentication(banosManager)).with(csrf()),
				get("/bandeja/certificados/firma/{u}/escudo", Staff.CAJAMARCA).with(authentication(banosManager)) }) {
			String body = mvc.perform(request).andExpect(status().isNotFound()).andReturn().getResponse()
				.getContentAsString();
			assertThat(body).doesNotContain(licence.holder(), licence.number());
		}
		assertThat(certificates.findByCode(code).orElseThrow().valid()).isTrue();
		int anonymous = mvc.perform(get("/bandeja/certificados")).andReturn().getResponse().getStatus();
		assertThat(anonymous).as("not logged in: login page or 401").isIn(302, 401);
	}

	@Test
	void managementSetsTheSignatoryAndACoatOfArmsThatMustBeAnImage() throws Exception {
		String ubigeo = "060104"; // Cospán: only this test changes its signatory
		Authentication cospanManager = staff.login("gerencia", ubigeo);
		String refused = page(multipart("/bandeja/certificados/firma/{u}", ubigeo)
			.file(new MockMultipartFile("escudo", "escudo.png", "image/png", SampleFiles.exe()))
			.param("nombre", "Pedro Castillo Terrones").param("cargo", "Alcalde")
			.with(authentication(cospanManager)).with(csrf()), cospanManager);
		assertThat(refused).contains("PNG o JPEG de hasta 1 MB");

		String saved = page(multipart("/bandeja/certificados/firma/{u}", ubigeo)
			.file(new MockMultipartFile("escudo", "escudo.png", "image/png", SampleFiles.pngWithTransparency()))
			.param("nombre", "Pedro Castillo Terrones").param("cargo", "Alcalde")
			.with(authentication(cospanManager)).with(csrf()), cospanManager);
		assertThat(saved).contains("Se guardaron la firma y el escudo", "Pedro Castillo Terrones");
		perform(get("/bandeja/certificados/firma/{u}/escudo", ubigeo).with(authentication(cospanManager)))
			.andExpect(status().isOk());

		CertificateView issued = certificates.issueLicence(applications.fileLicenceCase(ubigeo, RiskLevel.BAJO), "BAJO");
		assertThat(issued.signerName()).isEqualTo("Pedro Castillo Terrones");
		assertThat(PdfChecks.text(pdf(issued))).contains("Pedro Castillo Terrones", "Alcalde");
	}

	@Test
	void theFileCheckTellsOriginalModifiedUnknownAndRefusesWhatIsNotAPdf() throws Exception {
		byte[] original = pdf(licence);
		assertThat(page(multipart("/verificar/archivo").file(pdfPart(original)).with(csrf())))
			.contains("es el original", licence.number(), "y el documento está vigente")
			.doesNotContain("Auténtico y vigente");
		byte[] modified = original.clone();
		modified[modified.length / 3] ^= 0x01;
		assertThat(page(multipart("/verificar/archivo").file(pdfPart(modified)).with(csrf())))
			.containsAnyOf("NO es el original", "no corresponde a ningún documento")
			.as("one verdict: nothing on the page calls a changed file authentic")
			.doesNotContain("es el original emitido", "Auténtico y vigente", "está vigente", "flash ok");
		assertThat(page(multipart("/verificar/archivo").file(pdfPart(SampleFiles.pdf())).with(csrf())))
			.contains("no corresponde a ningún documento");
		assertThat(refused(multipart("/verificar/archivo")
			.file(new MockMultipartFile("archivo", "foto.png", "image/png", SampleFiles.pngWithTransparency())).with(csrf())))
			.contains("no es un PDF");
		assertThat(refused(multipart("/verificar/archivo").file(new MockMultipartFile("archivo", "x.pdf", "application/pdf",
				SampleFiles.exe())).with(csrf()))).contains("no es un PDF, JPG ni PNG");
		assertThat(refused(multipart("/verificar/archivo").with(csrf()))).contains("está vacío");
	}

	private long caseOf(CertificateView certificate) {
		return expedientes.findByCaseNumber(certificate.caseNumber()).orElseThrow().id();
	}

	private static MockMultipartFile pdfPart(byte[] pdf) {
		return new MockMultipartFile("archivo", "licencia.pdf", "application/pdf", pdf);
	}

	private byte[] pdf(CertificateView certificate) {
		return certificates.pdf(certificate.verificationCode()).orElseThrow().content();
	}


	private ResultActions perform(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request);
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		var result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as("status of %s", result.getRequest().getRequestURI())
			.isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	/** A file the check cannot take: 422, with the reason on the page. */
	private String refused(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		var result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		return result.getResponse().getContentAsString();
	}

	/** The page after one redirect, as the browser of {@code user} (null: anyone) gets it, flash attributes included. */
	private String page(org.springframework.test.web.servlet.RequestBuilder request, Authentication user)
			throws Exception {
		var result = mvc.perform(request).andReturn();
		if (result.getResponse().getRedirectedUrl() != null) {
			var next = get(result.getResponse().getRedirectedUrl()).cookie(result.getResponse().getCookies());
			result = mvc.perform(user == null ? next : next.with(authentication(user))).andReturn();
		}
		assertThat(result.getResponse().getStatus()).as("status of %s", result.getRequest().getRequestURI())
			.isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

}
