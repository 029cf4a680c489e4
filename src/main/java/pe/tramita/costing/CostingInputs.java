package pe.tramita.costing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import pe.tramita.costing.CostSheet.Activity;
import pe.tramita.costing.CostSheet.Item;
import pe.tramita.costing.CostSheet.Overhead;

/**
 * What the advisor entered for one costing. Each activity keeps the minutes Tramita measured ({@code measuredMinutes},
 * none when nothing was measured) beside the minutes used, and the reason when the two differ.
 */
public record CostingInputs(int minutesPerMonth, List<ActivityInput> activities, List<Item> materials,
		List<Item> services, List<Overhead> overheads, CitizenBurden.Inputs burden) {

	/** The citizen's side as entered, or a typical one (half an hour to fill in online) until it is. */
	public CitizenBurden.Inputs burdenOrTypical() {
		return burden == null ? CitizenBurden.Inputs.typical() : burden;
	}

	public record ActivityInput(String name, String position, BigDecimal minutes, BigDecimal measuredMinutes,
			String reason) {

		/** The advisor set other minutes than the measured ones. */
		public boolean overridden() {
			return measuredMinutes != null && minutes != null && minutes.compareTo(measuredMinutes) != 0;
		}

	}

	/** The problems that keep these inputs from being saved, as message keys with their subject; none when fine. */
	public List<Problem> problems(List<String> positions) {
		List<Problem> problems = new ArrayList<>();
		if (minutesPerMonth <= 0 || minutesPerMonth > 44_640) {
			problems.add(new Problem("costing.error.minutesPerMonth", String.valueOf(minutesPerMonth)));
		}
		for (ActivityInput activity : activities) {
			if (activity.position() == null || !positions.contains(activity.position())) {
				problems.add(new Problem("costing.error.position", activity.name()));
			}
			if (activity.minutes() == null || activity.minutes().signum() < 0
					|| activity.minutes().compareTo(BigDecimal.valueOf(100_000)) > 0) {
				problems.add(new Problem("costing.error.minutes", activity.name()));
			}
			if (activity.overridden() && (activity.reason() == null || activity.reason().isBlank())) {
				problems.add(new Problem("costing.error.reason", activity.name()));
			}
		}
		for (Item item : concat(materials, services)) {
			if (item.unitCost() == null || item.unitCost().signum() < 0 || item.quantity() == null
					|| item.quantity().signum() < 0) {
				problems.add(new Problem("costing.error.amount", item.description()));
			}
		}
		for (Overhead overhead : overheads) {
			if (overhead.element() == null || overhead.element().identifiable()) {
				problems.add(new Problem("costing.error.element", overhead.description()));
			}
			if (overhead.monthlyAmount() == null || overhead.monthlyAmount().signum() < 0
					|| overhead.supportedMinutes() == null || overhead.supportedMinutes().signum() <= 0) {
				problems.add(new Problem("costing.error.amount", overhead.description()));
			}
		}
		problems.addAll(burdenProblems());
		return problems;
	}

	/** The problems of the citizen's side alone. */
	public List<Problem> burdenProblems() {
		List<Problem> problems = new ArrayList<>();
		CitizenBurden.Inputs citizen = burdenOrTypical();
		if (negative(citizen.hourlyValue()) || negative(citizen.formHours()) || citizen.visits() < 0
				|| citizen.visits() > 50 || negative(citizen.hoursPerVisit()) || negative(citizen.costPerVisit())) {
			problems.add(new Problem("costing.error.burden", ""));
		}
		for (CitizenBurden.DocumentToObtain document : citizen.documents()) {
			if (negative(document.hours()) || negative(document.fee())) {
				problems.add(new Problem("costing.error.amount", document.name()));
			}
		}
		return problems;
	}

	private static boolean negative(BigDecimal value) {
		return value == null || value.signum() < 0;
	}

	/** A message key and what it is about (an activity's or an item's name). */
	public record Problem(String messageKey, String subject) {
	}

	List<Activity> sheetActivities() {
		return activities.stream().map(a -> new Activity(a.name(), a.position(), a.minutes())).toList();
	}

	private static List<Item> concat(List<Item> first, List<Item> second) {
		List<Item> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
