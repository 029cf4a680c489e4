package pe.tramita.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import pe.tramita.request.Filing;

/** What a citizen's browser does after filing: follows the redirect with the receipt's cookie and reads the receipt. */
public final class FilingReceipts {

	private FilingReceipts() {
	}

	public static Filing read(MockMvc mvc, MvcResult filed) throws Exception {
		Cookie receipt = filed.getResponse().getCookie("tramita-recibo");
		if (receipt == null) {
			throw new AssertionError("no receipt cookie after filing: " + filed.getResponse().getStatus());
		}
		String page = mvc.perform(get(filed.getResponse().getRedirectedUrl()).cookie(receipt)).andReturn().getResponse()
			.getContentAsString();
		return new Filing(textOf(page, "case-number"), textOf(page, "access-code"), null);
	}

	/** The text of the element with that id on a receipt (or any) page. */
	public static String textOf(String page, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]+)<").matcher(page);
		if (!m.find()) {
			throw new AssertionError("no #" + id + " on the receipt page");
		}
		return m.group(1);
	}

}
