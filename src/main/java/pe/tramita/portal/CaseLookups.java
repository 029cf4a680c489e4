package pe.tramita.portal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * A case the citizen opened with its number and access code stays open at its own address
 * ({@code /consulta/060101-2026-000016}) for this browser: the pair travels in a cookie sealed with the installation's
 * key (AES-GCM), one per case, sent to {@code /consulta} only, so the page can be refreshed and bookmarked without the
 * code ever being in a URL. Until the browser closes, or 30 days when the citizen asks to be remembered on this
 * device. A renewed code makes the cookie useless: the page then asks for the code again.
 */
@Component
class CaseLookups {

	static final String COOKIE_PREFIX = "tramita-consulta-";

	static final Duration REMEMBERED = Duration.ofDays(30);

	/** A cookie without a lifetime lasts until the browser closes; its seal stops working after this anyway. */
	static final Duration SESSION = Duration.ofHours(12);

	static final Pattern CASE_NUMBER = Pattern.compile("\\d{6}-\\d{4}-\\d{6}");

	private static final String PURPOSE = "case-lookup";

	private static final String PATH = "/consulta";

	private final SealedCookies cookies;

	CaseLookups(SealedCookies cookies) {
		this.cookies = cookies;
	}

	static String path(String caseNumber) {
		return PATH + "/" + caseNumber;
	}

	void remember(String caseNumber, String accessCode, boolean onThisDevice, HttpServletRequest request,
			HttpServletResponse response) {
		cookies.set(COOKIE_PREFIX + caseNumber, PURPOSE, List.of(caseNumber, accessCode),
				onThisDevice ? REMEMBERED : SESSION, onThisDevice ? REMEMBERED : null, PATH, request, response);
	}

	void forget(String caseNumber, HttpServletRequest request, HttpServletResponse response) {
		cookies.clear(COOKIE_PREFIX + caseNumber, PATH, request, response);
	}

	/** The access code this browser was given for the case, if its cookie is one this installation sealed, unexpired. */
	Optional<String> accessCode(String caseNumber, HttpServletRequest request) {
		if (!CASE_NUMBER.matcher(caseNumber).matches()) {
			return Optional.empty();
		}
		return cookies.read(COOKIE_PREFIX + caseNumber, PURPOSE, request)
			.filter(lines -> lines.size() == 2 && lines.get(0).equals(caseNumber))
			.map(lines -> lines.get(1));
	}

}
