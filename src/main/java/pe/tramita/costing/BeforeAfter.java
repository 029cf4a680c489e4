package pe.tramita.costing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

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
 * office's step), requirements and those the law flags, legal term, cost, fee, the citizen's burden and the measured
 * cycle time (median business days over the last twelve months, and how many cases it rests on).
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

	/** One version's figures; null where there is nothing to show (not costed, not measured). */
	public record Side(int version, int steps, int handOffs, int requirements, long flagged, int termBusinessDays,
			BigDecimal cost, BigDecimal fee, BigDecimal burdenPerCase, Double medianBusinessDays, long cases) {
	}

	public record Comparison(Procedure procedure, Side before, Side after) {

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
					new Row("cycleTime", Unit.DAYS, days(before.medianBusinessDays()), days(after.medianBusinessDays())));
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
		LocalDate today = clock.today();
		List<CycleTimes.Measures> measured = cycleTimes
			.cases(new CycleTimes.Scope(today.minusMonths(12), today, null, ubigeo, procedure.key()), "version");
		return new Comparison(procedure, side(ubigeo, procedure, before, measured),
				side(ubigeo, procedure, after, measured));
	}

	private Side side(String ubigeo, Procedure procedure, int version, List<CycleTimes.Measures> measured) {
		Costings.Costing costing = costings.costing(ubigeo, procedure, version);
		BpmnModelInstance model = costings.model(procedure.processKey(), ubigeo, version);
		CycleTimes.Measures m = measured.stream()
			.filter(x -> x.label().equals(procedure.key() + " v" + version))
			.findFirst().orElse(null);
		return new Side(version, model == null ? 0 : model.getModelElementsByType(UserTask.class).size(),
				model == null ? 0 : ModelShape.handOffs(model.getModelElementsByType(UserTask.class)), costing.procedure().requirements().size(),
				costing.requirements().stream().filter(f -> f.kind() != RequirementCheck.Kind.PERMITIDO).count(),
				costing.procedure().termBusinessDays(), costing.saved() && costing.sheet() != null
						? costing.sheet().total() : null,
				costing.procedure().feeSoles(), costing.burden() == null ? null : costing.burden().perCase(),
				m == null ? null : m.medianBusinessDays(), m == null ? 0 : m.count());
	}

}
