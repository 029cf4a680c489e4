package pe.tramita.engine;

import java.util.List;
import java.util.Map;

/** One page of a task list view, the number of tasks it matches and the count of every view. */
public record TaskPage(TaskFilter filter, List<TaskRow> rows, long total, Map<TaskView, Long> counts) {

	public static final int SIZE = 25;

	public long count(TaskView view) {
		return counts.getOrDefault(view, 0L);
	}

	public long pages() {
		return Math.max(1, (total + SIZE - 1) / SIZE);
	}

	public long firstRow() {
		return total == 0 ? 0 : (long) (filter.page() - 1) * SIZE + 1;
	}

	public long lastRow() {
		return Math.min(total, (long) filter.page() * SIZE);
	}

	public boolean hasPrevious() {
		return filter.page() > 1;
	}

	public boolean hasNext() {
		return filter.page() < pages();
	}

}
