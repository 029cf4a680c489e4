package pe.tramita.document;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a citizen attached to an application that came back with errors, kept so the next round need not ask for
 * them again (browsers forget a chosen file when a page reloads). The form carries a random token for each; a token
 * opens its file for the same requirement only, and every file is forgotten after {@link #KEPT}, filed or not.
 */
@Service
public class HeldUploads {

	public static final Duration KEPT = Duration.ofHours(6);

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	HeldUploads(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Keeps the file and answers the token that names it. */
	@Transactional
	public String hold(UploadedFile file) {
		forgetExpired();
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.update("""
				INSERT INTO tramita.held_upload (token, requirement, file_name, kind, content, sha256, held_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", token, file.requirement(), file.fileName(), file.kind().name(),
				file.content(), file.sha256(), Timestamp.from(clock.instant()));
		return token;
	}

	/** The file this token holds for this requirement, if it is still kept. */
	@Transactional(readOnly = true)
	public Optional<UploadedFile> find(String token, String requirement) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		List<UploadedFile> found = jdbc.query("""
				SELECT requirement, file_name, kind, content, sha256 FROM tramita.held_upload
				WHERE token = ? AND requirement = ? AND held_at > ?""",
				(row, n) -> new UploadedFile(row.getString("requirement"), row.getString("file_name"),
						FileKind.valueOf(row.getString("kind")), row.getBytes("content"), row.getString("sha256")),
				token, requirement, Timestamp.from(clock.instant().minus(KEPT)));
		return found.stream().findFirst();
	}

	/** Once filed, the held files are the case's documents: no copy stays behind. */
	@Transactional
	public void release(Collection<String> tokens) {
		for (String token : tokens) {
			jdbc.update("DELETE FROM tramita.held_upload WHERE token = ?", token);
		}
	}

	private void forgetExpired() {
		jdbc.update("DELETE FROM tramita.held_upload WHERE held_at <= ?", Timestamp.from(clock.instant().minus(KEPT)));
	}

}
