package pe.tramita.tasklist;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import pe.tramita.engine.TaskFilter;
import pe.tramita.engine.TaskSort;
import pe.tramita.engine.TaskView;

/** A task list filter a clerk saved under a name; only its owner sees it. */
@Entity
@Table(name = "saved_filter")
class SavedFilter {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String userId;

	private String name;

	private String taskView;

	private String search;

	private String procedureKey;

	private String sort;

	private Instant createdAt;

	protected SavedFilter() {
	}

	SavedFilter(String userId, String name, TaskFilter filter, Instant createdAt) {
		this.userId = userId;
		this.name = name;
		this.taskView = filter.view().slug();
		this.search = filter.search();
		this.procedureKey = filter.procedureKey();
		this.sort = filter.sort().slug();
		this.createdAt = createdAt;
	}

	static TaskFilter filter(String taskView, String search, String procedureKey, String sort) {
		return new TaskFilter(TaskView.fromSlug(taskView).orElse(TaskView.MINE), search, procedureKey,
				TaskSort.fromSlug(sort).orElse(TaskSort.DUE), 1);
	}

}
