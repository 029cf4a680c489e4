package pe.tramita.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Service;

/**
 * Text sealed with one of the installation's shared keys (AES-GCM, a fresh nonce each time): only a node of this
 * installation can open it, and a changed byte makes it unreadable rather than different.
 */
@Service
public class Seals {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SharedSecrets secrets;

	private final SecureRandom random = new SecureRandom();

	Seals(SharedSecrets secrets) {
		this.secrets = secrets;
	}

	/** {@code purpose} names the key: a seal made for one purpose does not open for another. */
	public byte[] seal(String purpose, String plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			byte[] sealed = cipher(purpose, Cipher.ENCRYPT_MODE, nonce).doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot seal for " + purpose, e);
		}
	}

	/** The text, if this installation sealed these bytes for that purpose and nobody changed them. */
	public Optional<String> open(String purpose, byte[] all) {
		// shorter than a nonce and a tag: nothing this installation sealed (and the cipher would not say so politely)
		if (all == null || all.length < NONCE_BYTES + TAG_BITS / 8) {
			return Optional.empty();
		}
		try {
			byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
			byte[] plain = cipher(purpose, Cipher.DECRYPT_MODE, nonce).doFinal(all, NONCE_BYTES,
					all.length - NONCE_BYTES);
			return Optional.of(new String(plain, StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException tamperedOrForeign) {
			return Optional.empty();
		}
	}

	/** Sealed text as URL-safe Base64, for a cookie or a form field. */
	public String sealAsToken(String purpose, String plain) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(seal(purpose, plain));
	}

	/** The text of a token {@link #sealAsToken} made for that purpose, if nobody changed it. */
	public Optional<String> openToken(String purpose, String token) {
		try {
			return open(purpose, Base64.getUrlDecoder().decode(token));
		}
		catch (IllegalArgumentException notBase64) {
			return Optional.empty();
		}
	}

	private Cipher cipher(String purpose, int mode, byte[] nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(secrets.secret(purpose), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
		return cipher;
	}

}
