package pe.tramita.engine;

import java.util.Arrays;
import java.util.Optional;

/** The task list's views, named in URLs by their Spanish slug. */
public enum TaskView {

	MINE("mias"), OFFICE("oficina"), OVERDUE("vencidas"), DUE_TODAY("hoy"), DUE_THIS_WEEK("semana"),
	FOLLOW_UP("seguimiento"), DELEGATED("delegadas"), MUNICIPALITY("municipio");

	private final String slug;

	TaskView(String slug) {
		this.slug = slug;
	}

	public String slug() {
		return slug;
	}

	/** Only supervisors (management and administrators) see every task of their municipalities. */
	public boolean forSupervisors() {
		return this == MUNICIPALITY;
	}

	public static Optional<TaskView> fromSlug(String slug) {
		return Arrays.stream(values()).filter(view -> view.slug.equals(slug)).findFirst();
	}

}
