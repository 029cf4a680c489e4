package pe.tramita.database;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * What a node keeps in memory and another node may change (the calendar, the signatories): the change bumps its
 * topic's generation in {@code tramita.cache_generation}, in the transaction that makes it; every node reads the
 * generations every {@code tramita.cluster.cache-poll} (2 s) and forgets what it kept of a topic whose generation
 * moved. A node that could not reach the database catches up when it can: the generations wait for it.
 */
@Service
public class CacheGenerations {

	private static final Logger log = LoggerFactory.getLogger(CacheGenerations.class);

	private static final String POLL = "${tramita.cluster.cache-poll:PT2S}";

	private final JdbcTemplate jdbc;

	private final Map<String, List<Runnable>> forgetters = new ConcurrentHashMap<>();

	private final Map<String, Long> seen = new ConcurrentHashMap<>();

	/** Topics that moved at the last poll: forgotten once more at this one (see {@link #poll()}). */
	private Set<String> movedLastPoll = Set.of();

	private boolean unreachable;

	CacheGenerations(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		seen.putAll(read());
	}

	/** Every node, this one included, forgets {@code topic} once the calling transaction commits. */
	public void changed(String topic) {
		jdbc.update("""
				INSERT INTO tramita.cache_generation (topic, generation) VALUES (?, 1)
				ON CONFLICT (topic) DO UPDATE SET generation = cache_generation.generation + 1""", topic);
	}

	/** {@code forget} runs on this node whenever any node reports a change of {@code topic}. */
	public void whenChanged(String topic, Runnable forget) {
		forgetters.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(forget);
	}

	/**
	 * A request that read the old values just before the change committed may put them back after this node forgot
	 * them; forgetting a changed topic again at the next poll, when such a request is long done, removes them.
	 */
	@Scheduled(fixedDelayString = POLL, initialDelayString = POLL)
	synchronized void poll() {
		Map<String, Long> current;
		try {
			current = read();
		}
		catch (DataAccessException e) {
			if (!unreachable) {
				log.warn("Cannot read the cache generations; changes made on other nodes wait: {}", e.getMessage());
				unreachable = true;
			}
			return;
		}
		unreachable = false;
		Set<String> moved = new HashSet<>();
		current.forEach((topic, generation) -> {
			if (!generation.equals(seen.put(topic, generation))) {
				moved.add(topic);
			}
		});
		Set<String> forget = new HashSet<>(moved);
		forget.addAll(movedLastPoll);
		forget.forEach(topic -> forgetters.getOrDefault(topic, List.of()).forEach(Runnable::run));
		movedLastPoll = moved;
	}

	private Map<String, Long> read() {
		Map<String, Long> generations = new HashMap<>();
		jdbc.query("SELECT topic, generation FROM tramita.cache_generation",
				(RowCallbackHandler) row -> generations.put(row.getString(1), row.getLong(2)));
		return generations;
	}

}
