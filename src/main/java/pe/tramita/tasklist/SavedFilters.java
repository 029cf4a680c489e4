package pe.tramita.tasklist;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.calendar.LegalClock;
import pe.tramita.engine.TaskFilter;
import pe.tramita.security.StaffUser;
import pe.tramita.text.VisibleText;

/** Each clerk's saved task list filters. */
@Service
public class SavedFilters {

	static final int MAX_NAME_LENGTH = 60;

	static final int MAX_PER_USER = 20;

	private final SavedFilterRepository repository;

	private final JdbcTemplate jdbc;

	private final LegalClock clock;

	SavedFilters(SavedFilterRepository repository, JdbcTemplate jdbc, LegalClock clock) {
		this.clock = clock;
		this.repository = repository;
		this.jdbc = jdbc;
	}

	/** A saved filter as the task list shows it: its name and the link that opens it. */
	public record Saved(long id, String name, String url) {
	}

	/** Read on every task list page, so in plain SQL: a JPA transaction and query cost it ten times as much. */
	public List<Saved> of(StaffUser clerk) {
		return jdbc.query("""
				SELECT id, name, task_view, search, procedure_key, sort FROM tramita.saved_filter
				WHERE user_id = ? ORDER BY name""", (rs, n) -> new Saved(rs.getLong("id"), rs.getString("name"),
				SavedFilter.filter(rs.getString("task_view"), rs.getString("search"), rs.getString("procedure_key"),
						rs.getString("sort")).url()), clerk.id());
	}

	/** Saves the filter under a name of 1 to 60 characters, unique among the clerk's, at most 20 per clerk. */
	@Transactional
	public void save(StaffUser clerk, String name, TaskFilter filter) {
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty() || cleanName.length() > MAX_NAME_LENGTH || !VisibleText.Validator.isVisible(cleanName)) {
			throw new TaskActionRejectedException("filter.badName");
		}
		if (repository.existsByUserIdAndName(clerk.id(), cleanName)) {
			throw new TaskActionRejectedException("filter.duplicateName");
		}
		if (repository.countByUserId(clerk.id()) >= MAX_PER_USER) {
			throw new TaskActionRejectedException("filter.tooMany");
		}
		repository.save(new SavedFilter(clerk.id(), cleanName, filter.onPage(1), clock.instant()));
	}

	/** Deletes one of the clerk's own filters; another clerk's filter is not found. */
	@Transactional
	public void delete(StaffUser clerk, long id) {
		repository.delete(repository.findByIdAndUserId(id, clerk.id())
			.orElseThrow(() -> new TaskNotAvailableException("filter " + id)));
	}

}
