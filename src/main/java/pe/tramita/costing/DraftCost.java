package pe.tramita.costing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import pe.tramita.costing.CostSheet.Activity;
import pe.tramita.costing.CostingInputs.ActivityInput;

/**
 * The cost per case a draft would have, worked out from the saved costing of the version it would replace: a step
 * the draft keeps (same id) keeps its minutes, and its position unless the draft gives it to another office; a step
 * of another office, or a new one, takes the position of the replaced version's steps of that office (a new step
 * takes the minutes Tramita measured for its id, if it ever ran); the other activities (reception, notification),
 * materials, services and overheads stay as they are.
 */
final class DraftCost {

	/** The predicted sheet (null when the base is not costed or an office has no position in it), the new steps that
	 * have no measured minutes (the sheet counts them at zero) and the offices without a position in the base. */
	record Prediction(CostSheet sheet, List<String> unmeasuredSteps, List<String> officesWithoutPosition) {
	}

	private DraftCost() {
	}

	static Prediction of(Costings.Costing base, BpmnModelInstance baseModel, BpmnModelInstance draft,
			Map<String, BigDecimal> measuredMinutes) {
		Map<String, UserTask> baseSteps = baseModel.getModelElementsByType(UserTask.class).stream()
			.collect(Collectors.toMap(UserTask::getId, step -> step));
		Set<String> stepNames = baseSteps.values().stream().map(DraftCost::name).collect(Collectors.toSet());
		Map<String, ActivityInput> byName = new HashMap<>();
		base.inputs().activities().forEach(a -> byName.putIfAbsent(a.name(), a));
		Map<String, String> positionOfOffice = new HashMap<>();
		baseSteps.values().forEach(step -> {
			ActivityInput activity = byName.get(name(step));
			if (activity != null && activity.position() != null && step.getCamundaCandidateGroups() != null) {
				positionOfOffice.putIfAbsent(step.getCamundaCandidateGroups(), activity.position());
			}
		});

		List<Activity> before = new ArrayList<>();
		List<Activity> after = new ArrayList<>();
		boolean stepsSeen = false;
		for (ActivityInput activity : base.inputs().activities()) {
			if (stepNames.contains(activity.name())) {
				stepsSeen = true;
			}
			else {
				(stepsSeen ? after : before).add(new Activity(activity.name(), activity.position(), activity.minutes()));
			}
		}
		List<Activity> activities = new ArrayList<>(before);
		List<String> unmeasured = new ArrayList<>();
		List<String> withoutPosition = new ArrayList<>();
		for (UserTask step : draft.getModelElementsByType(UserTask.class)) {
			UserTask kept = baseSteps.get(step.getId());
			ActivityInput costed = kept == null ? null : byName.get(name(kept));
			String office = step.getCamundaCandidateGroups();
			String position = costed != null && Objects.equals(kept.getCamundaCandidateGroups(), office)
					? costed.position() : positionOfOffice.get(office);
			if (position == null && !withoutPosition.contains(String.valueOf(office))) {
				withoutPosition.add(String.valueOf(office));
			}
			BigDecimal minutes = costed != null ? costed.minutes() : measuredMinutes.get(step.getId());
			if (minutes == null) {
				unmeasured.add(name(step));
			}
			activities.add(new Activity(name(step), position, minutes == null ? BigDecimal.ZERO : minutes));
		}
		activities.addAll(after);
		boolean priced = base.saved() && base.sheet() != null && withoutPosition.isEmpty();
		CostingInputs inputs = base.inputs();
		return new Prediction(priced ? CostSheet.of(base.positions(), inputs.minutesPerMonth(), activities,
				inputs.materials(), inputs.services(), inputs.overheads(), base.uit()) : null, unmeasured,
				withoutPosition);
	}

	private static String name(UserTask step) {
		return step.getName() == null ? step.getId() : step.getName();
	}

}
