package pe.tramita.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import pe.tramita.security.Seals;

/**
 * What a citizen's browser carries between pages instead of a server session: a few lines sealed with the
 * installation's key (AES-GCM) for one purpose, with the moment the seal stops opening, in an {@code HttpOnly},
 * {@code SameSite=Lax} cookie for one path of this site. Whichever node answers, after whatever restart, reads it.
 */
@Component
class SealedCookies {

	private final Seals seals;

	private final Clock clock;

	SealedCookies(Seals seals, Clock clock) {
		this.seals = seals;
		this.clock = clock;
	}

	/** {@code kept}: how long the browser keeps it, or null until it closes; the seal opens for {@code sealedFor}. */
	void set(String name, String purpose, List<String> lines, Duration sealedFor, Duration kept, String path,
			HttpServletRequest request, HttpServletResponse response) {
		List<String> all = new ArrayList<>(lines);
		all.add(String.valueOf(clock.instant().plus(sealedFor).getEpochSecond()));
		ResponseCookie.ResponseCookieBuilder cookie = cookie(name, seals.sealAsToken(purpose, String.join("\n", all)),
				path, request);
		if (kept != null) {
			cookie.maxAge(kept);
		}
		response.addHeader("Set-Cookie", cookie.build().toString());
	}

	void clear(String name, String path, HttpServletRequest request, HttpServletResponse response) {
		response.addHeader("Set-Cookie", cookie(name, "", path, request).maxAge(0).build().toString());
	}

	/** Its lines, if the request has that cookie, sealed here for that purpose and not yet expired. */
	Optional<List<String>> read(String name, String purpose, HttpServletRequest request) {
		if (request.getCookies() == null) {
			return Optional.empty();
		}
		for (Cookie cookie : request.getCookies()) {
			if (name.equals(cookie.getName())) {
				return seals.openToken(purpose, cookie.getValue())
					.map(plain -> Arrays.asList(plain.split("\n")))
					.filter(lines -> Instant.ofEpochSecond(Long.parseLong(lines.get(lines.size() - 1)))
						.isAfter(clock.instant()))
					.map(lines -> lines.subList(0, lines.size() - 1));
			}
		}
		return Optional.empty();
	}

	private static ResponseCookie.ResponseCookieBuilder cookie(String name, String value, String path,
			HttpServletRequest request) {
		return ResponseCookie.from(name, value)
			.path(request.getContextPath() + path)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax");
	}

}
