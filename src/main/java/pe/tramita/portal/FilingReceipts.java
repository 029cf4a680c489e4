package pe.tramita.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import pe.tramita.request.Filing;
import pe.tramita.security.Seals;

/**
 * The receipt of a filing (case number and access code) travels to the page that shows it in a cookie sealed with
 * the installation's key (AES-GCM), not in the server's session: whichever node answers, after whatever restart, the
 * citizen sees the code the filing's transaction committed. The cookie lives half an hour, for this site only.
 */
@Component
class FilingReceipts {

	static final String COOKIE = "tramita-recibo";

	static final Duration LIFETIME = Duration.ofMinutes(30);

	private static final String PURPOSE = "filing-receipt";

	private final Seals seals;

	private final Clock clock;

	FilingReceipts(Seals seals, Clock clock) {
		this.clock = clock;
		this.seals = seals;
	}

	void hand(Filing filing, HttpServletRequest request, HttpServletResponse response) {
		String plain = filing.caseNumber() + "\n" + filing.accessCode() + "\n" + filing.dueDate() + "\n"
				+ clock.instant().plus(LIFETIME).getEpochSecond();
		ResponseCookie cookie = ResponseCookie.from(COOKIE, seals.sealAsToken(PURPOSE, plain))
			.path(request.getContextPath() + "/m/")
			.maxAge(LIFETIME)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
	}

	/** The receipt in the request's cookie, if there is one that this installation sealed and that has not expired. */
	Optional<Filing> read(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return Optional.empty();
		}
		for (Cookie cookie : request.getCookies()) {
			if (COOKIE.equals(cookie.getName())) {
				return seals.openToken(PURPOSE, cookie.getValue()).map(plain -> plain.split("\n")).filter(parts -> parts.length == 4)
					.filter(parts -> Instant.ofEpochSecond(Long.parseLong(parts[3])).isAfter(clock.instant()))
					.map(parts -> new Filing(parts[0], parts[1], LocalDate.parse(parts[2])));
			}
		}
		return Optional.empty();
	}

}
