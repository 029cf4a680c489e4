package pe.tramita.costing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.analytics.CycleTimes;
import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.ModelShape;
import pe.tramita.catalog.Procedure;

/**
 * Two model versions of a procedure in one municipality, side by side: steps, hand-offs (a step followed by another
 * office's step), requirements and those the law flags, legal term, cost, fee, the citizen's burden, the measured
 * cycle time (median business days over the last twelve months, and how many cases it rests on) and the predicted
 * one (its steps' measured medians, each weighted by how often the step ran per case, added up). A draft not yet deployed can take the second place: its cost and
 * predicted time come from what it keeps of the version new cases start on.
 */
@Service
public class BeforeAfter {

	private final Costings costings;

	private final CycleTimes cycleTimes;

	private final LegalClock clock;

	BeforeAfter(Costings costings, CycleTimes cycleTimes, LegalClock clock) {
		this.costings = costings;
		this.cycleTimes = cycleTimes;
		this.clock = clock;
	}

	/** One version's figures (version 0: a draft); null where there is nothing to show (not costed, not measured).
	 * {@code unmeasuredSteps}: steps without a measured median, left out of the predicted time (and, in a draft,
	 * counted at zero minutes in the cost). */
	public record Side(int version, int steps, int handOffs, int requirements, long flagged, int termBusinessDays,
			BigDecimal cost, BigDecimal fee, BigDecimal burdenPerCase, Double medianBusinessDays, long cases,
			Double predictedBusinessDays, List<String> unmeasuredSteps) {
	}

	/** {@code officesWithoutPosition}: for a draft, the offices whose steps have no position in the costing it is
	 * predicted from (then its cost is not predicted). */
	public record Comparison(Procedure procedure, Side before, Side after, List<String> officesWithoutPosition) {

		/** The figures row by row, in the order the page shows them. */
		public List<Row> rows() {
			return List.of(new Row("steps", Unit.COUNT, number(before.steps()), number(after.steps())),
					new Row("handOffs", Unit.COUNT, number(before.handOffs()), number(after.handOffs())),
					new Row("requirements", Unit.COUNT, number(before.requirements()), number(after.requirements())),
					new Row("flagged", Unit.COUNT, number(before.flagged()), number(after.flagged())),
					new Row("term", Unit.DAYS, number(before.termBusinessDays()), number(after.termBusinessDays())),
					new Row("cost", Unit.MONEY, before.cost(), after.cost()),
					new Row("fee", Unit.MONEY, before.fee(), after.fee()),
					new Row("burden", Unit.MONEY, before.burdenPerCase(), after.burdenPerCase()),
					new Row("cycleTime", Unit.DAYS, days(before.medianBusinessDays()), days(after.medianBusinessDays())),
					new Row("predicted", Unit.DAYS, days(before.predictedBusinessDays()),
							days(after.predictedBusinessDays())));
		}

		private static BigDecimal number(long value) {
			return BigDecimal.valueOf(value);
		}

		private static BigDecimal days(Double value) {
			return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
		}

	}

	public enum Unit {

		COUNT, DAYS, MONEY

	}

	/** One measure before and after; {@code change} is null unless both are known. */
	public record Row(String measure, Unit unit, BigDecimal before, BigDecimal after) {

		public BigDecimal change() {
			return before == null || after == null ? null : after.subtract(before);
		}

		/** The bar of each side, in hundredths of the larger one (for the chart). */
		public int beforeBar() {
			return bar(before);
		}

		public int afterBar() {
			return bar(after);
		}

		private int bar(BigDecimal value) {
			BigDecimal largest = before == null ? after : after == null ? before : before.max(after);
			if (value == null || largest == null || largest.signum() == 0) {
				return 0;
			}
			return value.multiply(BigDecimal.valueOf(100)).divide(largest, 0, RoundingMode.HALF_UP).intValue();
		}

	}

	@Transactional(readOnly = true)
	public Comparison of(String ubigeo, Procedure procedure, int before, int after) {
		CycleTimes.Cases measured = cycleTimes.read(lastYear(ubigeo, procedure));
		return new Comparison(procedure, side(costings.costing(ubigeo, procedure, before), measured),
				side(costings.costing(ubigeo, procedure, after), measured), List.of());
	}

	/**
	 * A draft (its model not deployed yet) after the version new cases of the procedure start on in the municipality.
	 * Its steps keep the medians measured for the same step ids in any version over the last twelve months.
	 */
	@Transactional(readOnly = true)
	public Comparison ofDraft(String ubigeo, Procedure procedure, BpmnModelInstance draft) {
		CycleTimes.Cases measured = cycleTimes.read(lastYear(ubigeo, procedure));
		List<Integer> versions = costings.versions(ubigeo, procedure);
		int current = versions.get(versions.size() - 1);
		Costings.Costing base = costings.costing(ubigeo, procedure, current);
		Side before = side(base, measured);
		List<CycleTimes.StepMeasures> anyVersion = cycleTimes.steps(measured, null);
		DraftCost.Prediction cost = DraftCost.of(base, costings.model(procedure.processKey(), ubigeo, current), draft,
				Costings.medianWorkingMinutes(anyVersion));
		List<UserTask> steps = List.copyOf(draft.getModelElementsByType(UserTask.class));
		long cases = measured.by("version").stream().mapToLong(CycleTimes.Measures::count).sum();
		Predicted predicted = predicted(steps, anyVersion, cases);
		List<String> unmeasured = new ArrayList<>(predicted.unmeasured());
		cost.unmeasuredSteps().stream().filter(step -> !unmeasured.contains(step)).forEach(unmeasured::add);
		Side after = new Side(0, steps.size(), ModelShape.handOffs(steps), before.requirements(), before.flagged(),
				before.termBusinessDays(), cost.sheet() == null ? null : cost.sheet().total(), before.fee(),
				before.burdenPerCase(), null, 0, predicted.businessDays(), unmeasured);
		return new Comparison(procedure, before, after, cost.officesWithoutPosition());
	}

	private CycleTimes.Scope lastYear(String ubigeo, Procedure procedure) {
		LocalDate today = clock.today();
		return new CycleTimes.Scope(today.minusMonths(12), today, null, ubigeo, procedure.key());
	}

	private Side side(Costings.Costing costing, CycleTimes.Cases measured) {
		int version = costing.version();
		BpmnModelInstance model = costings.model(costing.procedure().processKey(), costing.ubigeo(), version);
		List<UserTask> steps = model == null ? List.of() : List.copyOf(model.getModelElementsByType(UserTask.class));
		CycleTimes.Measures m = measured.by("version").stream()
			.filter(x -> x.label().equals(costing.procedure().key() + " v" + version))
			.findFirst().orElse(null);
		Predicted predicted = predicted(steps, cycleTimes.steps(measured, version), m == null ? 0 : m.count());
		return new Side(version, steps.size(), ModelShape.handOffs(steps), costing.procedure().requirements().size(),
				costing.requirements().stream().filter(f -> f.kind() != RequirementCheck.Kind.PERMITIDO).count(),
				costing.procedure().termBusinessDays(), costing.saved() && costing.sheet() != null
						? costing.sheet().total() : null,
				costing.procedure().feeSoles(), costing.burden() == null ? null : costing.burden().perCase(),
				m == null ? null : m.medianBusinessDays(), m == null ? 0 : m.count(), predicted.businessDays(),
				predicted.unmeasured());
	}

	/** The predicted business days (null when no step was measured) and the steps left out. */
	private record Predicted(Double businessDays, List<String> unmeasured) {
	}

	/**
	 * Each step's measured median business days times the times it ran per case (a branch taken by one case in three
	 * counts a third, a step done twice in every case counts twice), added up over the steps.
	 */
	private static Predicted predicted(List<UserTask> steps, List<CycleTimes.StepMeasures> measures, long cases) {
		Map<String, CycleTimes.StepMeasures> byStep = new HashMap<>();
		measures.forEach(m -> byStep.put(m.activityId(), m));
		double sum = 0;
		boolean any = false;
		List<String> unmeasured = new ArrayList<>();
		for (UserTask step : steps) {
			CycleTimes.StepMeasures measured = byStep.get(step.getId());
			if (measured == null || cases == 0) {
				unmeasured.add(step.getName() == null ? step.getId() : step.getName());
			}
			else {
				sum += measured.medianBusinessDays() * measured.count() / cases;
				any = true;
			}
		}
		return new Predicted(any ? sum : null, unmeasured);
	}
}
