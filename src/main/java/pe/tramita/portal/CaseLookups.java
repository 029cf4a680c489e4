package pe.tramita.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import pe.tramita.security.Seals;

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

	private final Seals seals;

	private final Clock clock;

	CaseLookups(Seals seals, Clock clock) {
		this.seals = seals;
		this.clock = clock;
	}

	static String path(String caseNumber) {
		return "/consulta/" + caseNumber;
	}

	void remember(String caseNumber, String accessCode, boolean onThisDevice, HttpServletRequest request,
			HttpServletResponse response) {
		Duration lifetime = onThisDevice ? REMEMBERED : SESSION;
		String plain = caseNumber + "\n" + accessCode + "\n" + clock.instant().plus(lifetime).getEpochSecond();
		ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie
			.from(COOKIE_PREFIX + caseNumber, seals.sealAsToken(PURPOSE, plain))
			.path(request.getContextPath() + "/consulta")
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax");
		if (onThisDevice) {
			cookie.maxAge(lifetime);
		}
		response.addHeader("Set-Cookie", cookie.build().toString());
	}

	void forget(String caseNumber, HttpServletRequest request, HttpServletResponse response) {
		response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE_PREFIX + caseNumber, "")
			.path(request.getContextPath() + "/consulta")
			.maxAge(0)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build()
			.toString());
	}

	/** The access code this browser was given for the case, if its cookie is one this installation sealed, unexpired. */
	Optional<String> accessCode(String caseNumber, HttpServletRequest request) {
		if (request.getCookies() == null || !CASE_NUMBER.matcher(caseNumber).matches()) {
			return Optional.empty();
		}
		for (Cookie cookie : request.getCookies()) {
			if ((COOKIE_PREFIX + caseNumber).equals(cookie.getName())) {
				return seals.openToken(PURPOSE, cookie.getValue()).map(plain -> plain.split("\n"))
					.filter(parts -> parts.length == 3 && parts[0].equals(caseNumber))
					.filter(parts -> Instant.ofEpochSecond(Long.parseLong(parts[2])).isAfter(clock.instant()))
					.map(parts -> parts[1]);
			}
		}
		return Optional.empty();
	}

}
