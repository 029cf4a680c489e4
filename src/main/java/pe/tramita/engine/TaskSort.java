package pe.tramita.engine;

import java.util.Arrays;
import java.util.Optional;

/** How the task list is ordered; every order ends with the task id so that pages never overlap. */
public enum TaskSort {

	DUE("vence", "t.due_date_ ASC NULLS LAST, t.create_time_ ASC, t.id_"),
	CREATED("recibido", "t.create_time_ ASC, t.id_"),
	PRIORITY("prioridad", "t.priority_ DESC, t.due_date_ ASC NULLS LAST, t.id_");

	private final String slug;

	private final String orderBy;

	TaskSort(String slug, String orderBy) {
		this.slug = slug;
		this.orderBy = orderBy;
	}

	public String slug() {
		return slug;
	}

	String orderBy() {
		return orderBy;
	}

	public static Optional<TaskSort> fromSlug(String slug) {
		return Arrays.stream(values()).filter(sort -> sort.slug.equals(slug)).findFirst();
	}

}
