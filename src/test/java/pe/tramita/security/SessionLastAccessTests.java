package pe.tramita.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import pe.tramita.support.TramitaTest;

/**
 * A session's last access reaches the database when it moved by a minute or more, not on every request; everything
 * else about the session is written at once.
 */
@TramitaTest
class SessionLastAccessTests {

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theLastAccessIsWrittenOnceAMinuteAndEveryOtherChangeAtOnce() {
		assertThat(sessions).as("the session filter's repository").isInstanceOf(SessionLastAccess.Sessions.class);
		String id = createdWith("tramita.prueba", "uno");
		long stored = lastAccessOf(id);

		Instant later = Instant.ofEpochMilli(stored).plusSeconds(30);
		update(id, later, "tramita.prueba", "dos");
		assertThat(lastAccessOf(id)).as("30 s later: not written").isEqualTo(stored);
		assertThat((String) sessions.findById(id).getAttribute("tramita.prueba")).as("the attribute is")
			.isEqualTo("dos");

		Instant minuteLater = Instant.ofEpochMilli(stored).plus(Duration.ofSeconds(61));
		update(id, minuteLater, null, null);
		assertThat(lastAccessOf(id)).as("61 s later: written").isEqualTo(minuteLater.toEpochMilli());
		assertThat(jdbc.queryForObject("SELECT expiry_time FROM tramita.spring_session WHERE session_id = ?",
				Long.class, id))
			.as("and the idle session ends 8 hours after it")
			.isEqualTo(minuteLater.plus(Duration.ofHours(8)).toEpochMilli());
		sessions.deleteById(id);
	}

	private String createdWith(String attribute, String value) {
		return createdIn(sessions, attribute, value);
	}

	private static <S extends Session> String createdIn(SessionRepository<S> repository, String attribute,
			String value) {
		S session = repository.createSession();
		session.setAttribute(attribute, value);
		repository.save(session);
		return session.getId();
	}

	private void update(String id, Instant accessed, String attribute, String value) {
		updateIn(sessions, id, accessed, attribute, value);
	}

	private static <S extends Session> void updateIn(SessionRepository<S> repository, String id, Instant accessed,
			String attribute, String value) {
		S session = repository.findById(id);
		session.setLastAccessedTime(accessed);
		if (attribute != null) {
			session.setAttribute(attribute, value);
		}
		repository.save(session);
	}

	private long lastAccessOf(String id) {
		return jdbc.queryForObject("SELECT last_access_time FROM tramita.spring_session WHERE session_id = ?",
				Long.class, id);
	}

}
