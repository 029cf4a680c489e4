package pe.tramita.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import pe.tramita.document.Documents;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.TramitaTest;

/**
 * The application form answers every problem at once, in its own order, each one a link to its field and tied to it
 * for screen readers; a file that was fine is kept for the next round.
 */
@TramitaTest
class ApplicationErrorsTests {

	static final String FORM = "/m/060101/tramites/licencia-funcionamiento/solicitud";

	static final Pattern SUMMARY_LINK = Pattern.compile("<li><a href=\"#([^\"]+)\">");

	static final Pattern HELD = Pattern.compile("name=\"guardado-declaracion-itse\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyProblemAtOnceInTheFormsOrderEachALinkToItsField() throws Exception {
		Map<String, String> fields = Applications.formFields(RiskLevel.BAJO);
		fields.put("documentNumber", "1234");
		fields.put("email", "juana@");
		fields.put("ruc", "20131312956");
		fields.put("areaM2", "mucho");
		fields.remove("declarationAccepted");
		long kept = jdbc.queryForObject("SELECT count(*) FROM tramita.held_upload", Long.class);
		MockHttpServletResponse answer = post(fields, null).andReturn().getResponse();

		assertThat(answer.getStatus()).isEqualTo(422);
		String page = answer.getContentAsString();
		assertThat(summaryLinks(page)).containsExactly("documentNumber", "email", "ruc", "areaM2",
				"documento-declaracion-itse", "declarationAccepted1");
		assertThat(page).contains("id=\"error-summary\"", "autofocus", "tabindex=\"-1\"");
		assertThat(page).containsPattern("id=\"documentNumber\"[^>]*aria-describedby=\"documentNumber-hint documentNumber-error\"")
			.containsPattern("id=\"documentNumber\"[^>]*aria-invalid=\"true\"")
			.contains("id=\"documentNumber-error\"", "id=\"ruc-error\"", "id=\"areaM2-error\"",
					"id=\"documento-declaracion-itse-error\"", "id=\"declarationAccepted-error\"");
		assertThat(page).as("one problem per field: 'juana@' was told twice, as not an address and as a domain that takes no mail")
			.containsPattern("id=\"email-error\">[^<]+</p>")
			.doesNotContain("<br />");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tramita.held_upload", Long.class))
			.as("no file was sent, none kept").isEqualTo(kept);
	}

	@Test
	void aFileThatWasFineIsKeptSoTheNextRoundNeedNotAttachItAgain() throws Exception {
		Map<String, String> fields = Applications.formFields(RiskLevel.BAJO);
		fields.put("email", "juana@");
		byte[] declaration = SampleFiles.pdf();
		String firstRound = post(fields, declaration).andReturn().getResponse().getContentAsString();
		assertThat(summaryLinks(firstRound)).containsExactly("email");
		assertThat(firstRound).contains("Ya adjuntó «dj.pdf»", "no necesita adjuntarlos otra vez");
		Matcher held = HELD.matcher(firstRound);
		assertThat(held.find()).as("the kept file's token in the form").isTrue();

		fields.put("email", "juana@example.pe");
		fields.put("guardado-declaracion-itse", held.group(1));
		MockHttpServletResponse filed = post(fields, null).andReturn().getResponse();
		assertThat(filed.getStatus()).isEqualTo(302);
		assertThat(jdbc.queryForList("""
				SELECT d.sha256 FROM tramita.document d JOIN tramita.expediente e ON e.id = d.expediente_id
				WHERE d.file_name = 'dj.pdf' AND e.applicant_email = 'juana@example.pe' ORDER BY d.id DESC LIMIT 1""",
				String.class)).containsExactly(Documents.sha256(declaration));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tramita.held_upload WHERE token = ?", Long.class,
				held.group(1))).as("once filed, no copy stays behind").isZero();
	}

	@Test
	void aTokenOpensItsFileForItsOwnRequirementOnly() throws Exception {
		Map<String, String> fields = Applications.formFields(RiskLevel.BAJO);
		fields.put("guardado-declaracion-itse", "AAAAAAAAAAAAAAAAAAAAAA");
		assertThat(summaryLinks(post(fields, null).andReturn().getResponse().getContentAsString()))
			.containsExactly("documento-declaracion-itse");
		fields.put("guardado-declaracion-itse", "' OR 1=1 --");
		assertThat(summaryLinks(post(fields, null).andReturn().getResponse().getContentAsString()))
			.containsExactly("documento-declaracion-itse");
	}

	private org.springframework.test.web.servlet.ResultActions post(Map<String, String> fields, byte[] declaration)
			throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart(FORM);
		if (declaration != null) {
			request.file(new MockMultipartFile("documento-declaracion-itse", "dj.pdf", "application/pdf", declaration));
		}
		fields.forEach(request::param);
		return mvc.perform(request.with(csrf()));
	}

	private static List<String> summaryLinks(String page) {
		int start = page.indexOf("id=\"error-summary\"");
		if (start < 0) {
			return List.of();
		}
		Matcher link = SUMMARY_LINK.matcher(page.substring(start, page.indexOf("</div>", start)));
		List<String> links = new ArrayList<>();
		while (link.find()) {
			links.add(link.group(1));
		}
		return links;
	}

}
