package pe.tramita.engine;

import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the clerk asked the task list for: a view, an optional search (case number, DNI/CE/RUC or part of the
 * applicant's name), an optional procedure, an order and a page (from 1).
 */
public record TaskFilter(TaskView view, String search, String procedureKey, TaskSort sort, int page) {

	public static final int MAX_SEARCH_LENGTH = 100;

	public TaskFilter {
		search = StringUtils.hasText(search) ? search.strip() : null;
		procedureKey = StringUtils.hasText(procedureKey) ? procedureKey : null;
		page = Math.max(page, 1);
	}

	public static TaskFilter of(TaskView view) {
		return new TaskFilter(view, null, null, TaskSort.DUE, 1);
	}

	public TaskFilter onPage(int otherPage) {
		return new TaskFilter(view, search, procedureKey, sort, otherPage);
	}

	public TaskFilter inView(TaskView otherView) {
		return new TaskFilter(otherView, search, procedureKey, sort, 1);
	}

	public boolean narrowed() {
		return search != null || procedureKey != null;
	}

	/** The task list's address for this filter, so that a view, a page or a saved filter is a plain link. */
	public String url() {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/bandeja").queryParam("vista", view.slug());
		if (search != null) {
			url.queryParam("buscar", search);
		}
		if (procedureKey != null) {
			url.queryParam("tramite", procedureKey);
		}
		if (sort != TaskSort.DUE) {
			url.queryParam("orden", sort.slug());
		}
		if (page > 1) {
			url.queryParam("pagina", page);
		}
		return url.encode().build().toUriString();
	}

}
