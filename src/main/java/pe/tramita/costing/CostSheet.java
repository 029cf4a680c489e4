package pe.tramita.costing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of one case of a procedure, activity by activity and element by element, as the costing methodology of
 * D.S. 064-2010-PCM lays it out:
 * <ul>
 * <li>direct personnel: each activity's minutes × its position's cost per minute, that being the position's monthly
 * cost (pay, benefits and employer contributions) over the minutes worked in a month;</li>
 * <li>fungible material (unit cost × quantity per case) and identifiable services (cost per case);</li>
 * <li>non-identifiable costs (non-fungible material, depreciation, third-party services, fixed costs): each monthly
 * amount spread over the minutes of work it supports, charged for the case's minutes.</li>
 * </ul>
 * Costs per minute are kept to 4 decimals and every line to the céntimo (half up), as the methodology's sheets show
 * them; totals add the rounded lines, so the sheet adds up on paper.
 */
public record CostSheet(List<ActivityCost> activities, List<Line> materials, List<Line> services,
		List<Line> nonIdentifiable, Map<Element, BigDecimal> byElement, BigDecimal total, BigDecimal totalMinutes,
		BigDecimal uitShare) {

	/**
	 * Minutes a position works in a month. The sustentation sheets filed under D.S. 064-2010-PCM (municipal and
	 * regional TUPA cost sheets, read with {@code search}) state the cost of a minute as monthly pay with benefits and
	 * employer contributions over 8 h × 30 days × 60 min; the methodology's annex itself was not read, so each costing
	 * may state its own.
	 */
	public static final int DEFAULT_MINUTES_PER_MONTH = 8 * 30 * 60;

	public enum Element {

		PERSONAL, MATERIAL_FUNGIBLE, SERVICIO_IDENTIFICABLE, MATERIAL_NO_FUNGIBLE, DEPRECIACION, SERVICIOS_TERCEROS,
		COSTOS_FIJOS;

		public boolean identifiable() {
			return ordinal() <= SERVICIO_IDENTIFICABLE.ordinal();
		}

	}

	/** A position (cargo) and what it costs the municipality a month. */
	public record Position(String name, BigDecimal monthlyCost) {
	}

	/** One activity of the procedure: who does it and for how many minutes per case. */
	public record Activity(String name, String position, BigDecimal minutes) {
	}

	/** Material or a service per case: {@code unitCost} × {@code quantity}. */
	public record Item(String description, BigDecimal unitCost, BigDecimal quantity) {
	}

	/** A non-identifiable cost: its monthly amount, and the minutes of work a month it supports. */
	public record Overhead(Element element, String description, BigDecimal monthlyAmount, BigDecimal supportedMinutes) {
	}

	public record ActivityCost(Activity activity, BigDecimal costPerMinute, BigDecimal cost) {
	}

	public record Line(String description, Element element, BigDecimal cost) {
	}

	public static CostSheet of(List<Position> positions, int minutesPerMonth, List<Activity> activities,
			List<Item> materials, List<Item> services, List<Overhead> overheads, BigDecimal uit) {
		if (minutesPerMonth <= 0) {
			throw new IllegalArgumentException("Minutes a month must be positive: " + minutesPerMonth);
		}
		Map<String, BigDecimal> perMinute = new LinkedHashMap<>();
		for (Position position : positions) {
			perMinute.put(position.name(),
					position.monthlyCost().divide(BigDecimal.valueOf(minutesPerMonth), 4, RoundingMode.HALF_UP));
		}
		Map<Element, BigDecimal> byElement = new EnumMap<>(Element.class);
		for (Element element : Element.values()) {
			byElement.put(element, BigDecimal.ZERO.setScale(2));
		}
		List<ActivityCost> activityCosts = new ArrayList<>();
		BigDecimal minutes = BigDecimal.ZERO;
		for (Activity activity : activities) {
			BigDecimal rate = perMinute.get(activity.position());
			if (rate == null) {
				throw new IllegalArgumentException("Activity «" + activity.name() + "» names an unknown position «"
						+ activity.position() + "»");
			}
			BigDecimal cost = cents(activity.minutes().multiply(rate));
			activityCosts.add(new ActivityCost(activity, rate, cost));
			byElement.merge(Element.PERSONAL, cost, BigDecimal::add);
			minutes = minutes.add(activity.minutes());
		}
		List<Line> materialLines = lines(materials, Element.MATERIAL_FUNGIBLE, byElement);
		List<Line> serviceLines = lines(services, Element.SERVICIO_IDENTIFICABLE, byElement);
		List<Line> overheadLines = new ArrayList<>();
		for (Overhead overhead : overheads) {
			if (overhead.element().identifiable()) {
				throw new IllegalArgumentException("«" + overhead.description() + "» is an identifiable cost");
			}
			BigDecimal cost = cents(overhead.monthlyAmount().multiply(minutes)
				.divide(overhead.supportedMinutes(), 10, RoundingMode.HALF_UP));
			overheadLines.add(new Line(overhead.description(), overhead.element(), cost));
			byElement.merge(overhead.element(), cost, BigDecimal::add);
		}
		BigDecimal total = byElement.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal share = uit == null ? null
				: total.multiply(BigDecimal.valueOf(100)).divide(uit, 2, RoundingMode.HALF_UP);
		return new CostSheet(List.copyOf(activityCosts), materialLines, serviceLines, List.copyOf(overheadLines),
				byElement, total, minutes, share);
	}

	private static List<Line> lines(List<Item> items, Element element, Map<Element, BigDecimal> byElement) {
		List<Line> lines = new ArrayList<>();
		for (Item item : items) {
			BigDecimal cost = cents(item.unitCost().multiply(item.quantity()));
			lines.add(new Line(item.description(), element, cost));
			byElement.merge(element, cost, BigDecimal::add);
		}
		return List.copyOf(lines);
	}

	private static BigDecimal cents(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

	/** Direct personnel, fungible material and identifiable services: the cost the case itself causes. */
	public BigDecimal identifiable() {
		return byElement.entrySet().stream().filter(e -> e.getKey().identifiable()).map(Map.Entry::getValue)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
