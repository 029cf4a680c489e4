package pe.tramita.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.CaseSteps;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * The status page has an address of its own that a refresh or a bookmark opens again, in the browser that was given
 * the code, and nowhere else; the code never appears in a URL.
 */
@TramitaTest
class StatusPageAddressTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Applications applications;

	@Autowired
	Expedientes expedientes;

	@Autowired
	CaseSteps steps;

	@Test
	void theLookupLeadsToTheCasesAddressWhichARefreshOpensAgain() throws Exception {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		MockHttpServletResponse lookup = lookUp(filing.caseNumber(), filing.accessCode().toLowerCase(), false);
		assertThat(lookup.getStatus()).isEqualTo(302);
		assertThat(lookup.getRedirectedUrl()).isEqualTo("/consulta/" + filing.caseNumber())
			.doesNotContain(filing.accessCode());
		String setCookie = lookup.getHeader("Set-Cookie");
		assertThat(setCookie).startsWith("tramita-consulta-" + filing.caseNumber() + "=")
			.contains("Path=/consulta", "HttpOnly", "SameSite=Lax")
			.as("until the browser closes").doesNotContain("Max-Age")
			.doesNotContain(filing.accessCode());
		Cookie cookie = lookup.getCookie("tramita-consulta-" + filing.caseNumber());
		for (int refresh = 0; refresh < 2; refresh++) {
			String page = open(filing.caseNumber(), cookie).getContentAsString();
			assertThat(page).contains("Expediente " + filing.caseNumber(),
					"Bodega Doña Juana", "id=\"bookmark\"");
		}
	}

	@Test
	void withoutItsCookieTheAddressAsksForTheCodeWithTheNumberFilledIn() throws Exception {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		MockHttpServletResponse bare = open(filing.caseNumber(), null);
		assertThat(bare.getStatus()).isEqualTo(200);
		assertThat(bare.getContentAsString()).contains("Consulte su expediente", "value=\"" + filing.caseNumber() + "\"")
			.doesNotContain("Bodega Doña Juana", "id=\"case-status\"");
	}

	@Test
	void oneCasesCookieOpensNoOtherAndATamperedOneOpensNothing() throws Exception {
		Filing mine = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		Filing other = applications.fileComplaint(Staff.CAJAMARCA);
		Cookie cookie = lookUp(mine.caseNumber(), mine.accessCode(), false)
			.getCookie("tramita-consulta-" + mine.caseNumber());
		Cookie renamed = new Cookie("tramita-consulta-" + other.caseNumber(), cookie.getValue());
		assertThat(open(other.caseNumber(), renamed).getContentAsString()).doesNotContain("id=\"case-status\"")
			.contains("value=\"" + other.caseNumber() + "\"");
		char[] value = cookie.getValue().toCharArray();
		value[value.length / 2] = value[value.length / 2] == 'A' ? 'B' : 'A';
		Cookie tampered = new Cookie(cookie.getName(), new String(value));
		assertThat(open(mine.caseNumber(), tampered).getContentAsString()).doesNotContain("id=\"case-status\"");
	}

	@Test
	void rememberedOnThisDeviceItLasts30DaysAndForgettingClosesIt() throws Exception {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		MockHttpServletResponse lookup = lookUp(filing.caseNumber(), filing.accessCode(), true);
		assertThat(lookup.getHeader("Set-Cookie")).contains("Max-Age=2592000");
		MockHttpServletResponse crossSite = mvc.perform(post("/consulta/{n}/olvidar", filing.caseNumber()))
			.andReturn()
			.getResponse();
		assertThat(crossSite.getStatus()).as("another site cannot make the browser forget").isEqualTo(403);
		assertThat(crossSite.getHeaders("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("tramita-consulta-"));
		MockHttpServletResponse forget = mvc.perform(post("/consulta/{n}/olvidar", filing.caseNumber()).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(forget.getRedirectedUrl()).isEqualTo("/consulta?olvidado=1");
		assertThat(forget.getHeader("Set-Cookie")).startsWith("tramita-consulta-" + filing.caseNumber() + "=;")
			.contains("Max-Age=0");
	}

	@Test
	void aRenewedCodeClosesTheAddressUntilTheNewCodeIsTyped() throws Exception {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		Cookie cookie = lookUp(filing.caseNumber(), filing.accessCode(), false)
			.getCookie("tramita-consulta-" + filing.caseNumber());
		expedientes.renewAccessCode(filing.caseNumber(), Applications.applicant().documentNumber());
		assertThat(open(filing.caseNumber(), cookie).getContentAsString()).doesNotContain("id=\"case-status\"")
			.contains("escriba otra vez su código de acceso");
	}

	@Test
	void aCorrectionEndsOnTheCasesAddressSoARefreshSendsNothingTwice() throws Exception {
		Filing filing = applications.fileLicence(Staff.CAJAMARCA, RiskLevel.BAJO);
		steps.complete(filing, "reviewRequirements",
				Map.of("requisitosCompletos", false, "observacion", "Falta la declaración jurada firmada."));
		Cookie cookie = lookUp(filing.caseNumber(), filing.accessCode(), false)
			.getCookie("tramita-consulta-" + filing.caseNumber());
		MockHttpServletResponse corrected = mvc.perform(multipart("/consulta/subsanacion")
			.file(new MockMultipartFile("documentos", "dj-firmada.pdf", "application/pdf", SampleFiles.pdf()))
			.param("expediente", filing.caseNumber())
			.param("codigo", filing.accessCode())
			.cookie(cookie)
			.with(csrf())).andReturn().getResponse();
		assertThat(corrected.getRedirectedUrl()).isEqualTo("/consulta/" + filing.caseNumber() + "?subsanado=1");
		String page = mvc.perform(get(corrected.getRedirectedUrl()).cookie(cookie)).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Recibimos su subsanación", "dj-firmada.pdf");
	}

	private MockHttpServletResponse lookUp(String caseNumber, String code, boolean remember) throws Exception {
		return mvc.perform(post("/consulta").param("expediente", caseNumber).param("codigo", code)
			.param("recordar", String.valueOf(remember)).with(csrf())).andReturn().getResponse();
	}

	private MockHttpServletResponse open(String caseNumber, Cookie cookie) throws Exception {
		var request = get("/consulta/{n}", caseNumber);
		if (cookie != null) {
			request.cookie(cookie);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

}
