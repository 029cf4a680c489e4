package pe.tramita.portal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import pe.tramita.request.Filing;

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

	private final SealedCookies cookies;

	FilingReceipts(SealedCookies cookies) {
		this.cookies = cookies;
	}

	void hand(Filing filing, HttpServletRequest request, HttpServletResponse response) {
		cookies.set(COOKIE, PURPOSE, List.of(filing.caseNumber(), filing.accessCode(), filing.dueDate().toString()),
				LIFETIME, LIFETIME, "/m/", request, response);
	}

	/** The receipt in the request's cookie, if there is one that this installation sealed and that has not expired. */
	Optional<Filing> read(HttpServletRequest request) {
		return cookies.read(COOKIE, PURPOSE, request)
			.filter(lines -> lines.size() == 3)
			.map(lines -> new Filing(lines.get(0), lines.get(1), LocalDate.parse(lines.get(2))));
	}

}
