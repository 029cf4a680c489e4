package pe.tramita.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Staff sessions live in the database, so that any node serves any request, and Spring Session writes a session's
 * last access on every request that reads it: an UPDATE and a commit for every staff page (issue 20). The last access
 * only decides when an idle session ends (after 8 hours), so it is written when it moved by a minute or more; any
 * other change to a session (a login, a flash message) is written as before.
 */
@Component
class SessionLastAccess implements BeanPostProcessor {

	static final Duration WRITTEN_EVERY = Duration.ofMinutes(1);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return bean instanceof JdbcIndexedSessionRepository sessions ? new Sessions(sessions) : bean;
	}

	/** The database's sessions, each one's last access moved by a minute or more only. */
	static final class Sessions implements FindByIndexNameSessionRepository<MinuteSession> {

		private final FindByIndexNameSessionRepository<? extends Session> stored;

		Sessions(FindByIndexNameSessionRepository<? extends Session> stored) {
			this.stored = stored;
		}

		@Override
		public MinuteSession createSession() {
			return new MinuteSession(stored.createSession());
		}

		@Override
		public void save(MinuteSession session) {
			saveIn(stored, session.stored);
		}

		/** The stored session is the repository's own kind: it came from it. */
		@SuppressWarnings("unchecked")
		private static <S extends Session> void saveIn(FindByIndexNameSessionRepository<S> repository, Session session) {
			repository.save((S) session);
		}

		@Override
		public MinuteSession findById(String id) {
			Session session = stored.findById(id);
			return session == null ? null : new MinuteSession(session);
		}

		@Override
		public void deleteById(String id) {
			stored.deleteById(id);
		}

		@Override
		public Map<String, MinuteSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return stored.findByIndexNameAndIndexValue(indexName, indexValue)
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, entry -> new MinuteSession(entry.getValue())));
		}

	}

	/** A stored session whose last access changes only when it moved by {@link #WRITTEN_EVERY} or more. */
	static final class MinuteSession implements Session {

		private final Session stored;

		MinuteSession(Session stored) {
			this.stored = stored;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(WRITTEN_EVERY) >= 0) {
				stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return stored.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return stored.getId();
		}

		@Override
		public String changeSessionId() {
			return stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return stored.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return stored.isExpired();
		}

	}

}
