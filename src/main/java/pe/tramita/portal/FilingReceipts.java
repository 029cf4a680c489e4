package pe.tramita.portal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import pe.tramita.request.Filing;
import pe.tramita.security.SharedSecrets;

/**
 * The receipt of a filing (case number and access code) travels to the page that shows it in a cookie sealed with
 * the installation's key (AES-GCM), not in the server's session: whichever node answers, after whatever restart, the
 * citizen sees the code the filing's transaction committed. The cookie lives half an hour, for this site only.
 */
@Component
class FilingReceipts {

	static final String COOKIE = "tramita-recibo";

	static final Duration LIFETIME = Duration.ofMinutes(30);

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SharedSecrets secrets;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	FilingReceipts(SharedSecrets secrets, Clock clock) {
		this.clock = clock;
		this.secrets = secrets;
	}

	void hand(Filing filing, HttpServletRequest request, HttpServletResponse response) {
		String plain = filing.caseNumber() + "\n" + filing.accessCode() + "\n" + filing.dueDate() + "\n"
				+ clock.instant().plus(LIFETIME).getEpochSecond();
		ResponseCookie cookie = ResponseCookie.from(COOKIE, seal(plain))
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
				return open(cookie.getValue()).map(plain -> plain.split("\n")).filter(parts -> parts.length == 4)
					.filter(parts -> Instant.ofEpochSecond(Long.parseLong(parts[3])).isAfter(clock.instant()))
					.map(parts -> new Filing(parts[0], parts[1], LocalDate.parse(parts[2])));
			}
		}
		return Optional.empty();
	}

	private String seal(String plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot seal a receipt", e);
		}
	}

	private Optional<String> open(String value) {
		try {
			byte[] all = Base64.getUrlDecoder().decode(value);
			// shorter than a nonce and a tag: nothing this installation sealed (and the cipher would not say so politely)
			if (all.length < NONCE_BYTES + TAG_BITS / 8) {
				return Optional.empty();
			}
			byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
			byte[] plain = cipher(Cipher.DECRYPT_MODE, nonce).doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
			return Optional.of(new String(plain, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException | GeneralSecurityException tamperedOrForeign) {
			return Optional.empty();
		}
	}

	private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(secrets.secret("filing-receipt"), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
		return cipher;
	}

}
