package pe.tramita.security;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Random keys an installation makes once and all its nodes share ({@code tramita.shared_secret}): whichever node asks
 * first makes one, the others read it.
 */
@Service
public class SharedSecrets {

	private static final int BYTES = 32;

	private final JdbcTemplate jdbc;

	private final Map<String, byte[]> known = new ConcurrentHashMap<>();

	SharedSecrets(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The 256-bit key of that name. */
	public byte[] secret(String name) {
		return known.computeIfAbsent(name, this::loadOrMake).clone();
	}

	private byte[] loadOrMake(String name) {
		byte[] candidate = new byte[BYTES];
		new SecureRandom().nextBytes(candidate);
		jdbc.update("INSERT INTO tramita.shared_secret (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", name,
				candidate);
		return jdbc.queryForObject("SELECT secret FROM tramita.shared_secret WHERE name = ?", byte[].class, name);
	}

}
