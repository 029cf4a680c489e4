package pe.tramita.catalog;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** Figures of a model's shape that the advisors' comparisons share. */
public final class ModelShape {

	private ModelShape() {
	}

	/**
	 * Hand-offs: pairs of steps, one after the other (through gateways, events and automatic steps, not through
	 * another step), done by different offices (candidate groups). Each pair counts once.
	 */
	public static int handOffs(Collection<UserTask> tasks) {
		int handOffs = 0;
		for (UserTask from : tasks) {
			Set<FlowNode> seen = new HashSet<>();
			Deque<FlowNode> next = new ArrayDeque<>();
			from.getOutgoing().forEach(flow -> next.add(flow.getTarget()));
			Set<UserTask> reached = new HashSet<>();
			while (!next.isEmpty()) {
				FlowNode node = next.poll();
				if (!seen.add(node)) {
					continue;
				}
				if (node instanceof UserTask task) {
					reached.add(task);
					continue;
				}
				node.getOutgoing().forEach(flow -> next.add(flow.getTarget()));
			}
			for (UserTask to : reached) {
				if (!Objects.equals(from.getCamundaCandidateGroups(), to.getCamundaCandidateGroups())) {
					handOffs++;
				}
			}
		}
		return handOffs;
	}

}
