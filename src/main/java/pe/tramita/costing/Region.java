package pe.tramita.costing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.analytics.CycleTimes;
import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.Tupa;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;

/**
 * One procedure across the region's municipalities: each one's fee and term (its own TUPA), its cost where an advisor
 * costed it, and what Tramita measured over the last twelve months (cases concluded, median business days, share on
 * time), so the advisor sees where to go first: the lowest on-time share leads.
 */
@Service
public class Region {

	private final Municipalities municipalities;

	private final Tupa tupa;

	private final Costings costings;

	private final CycleTimes cycleTimes;

	private final LegalClock clock;

	Region(Municipalities municipalities, Tupa tupa, Costings costings, CycleTimes cycleTimes, LegalClock clock) {
		this.municipalities = municipalities;
		this.tupa = tupa;
		this.costings = costings;
		this.cycleTimes = cycleTimes;
		this.clock = clock;
	}

	/** A municipality's line; {@code cost} and the measures are null where there is nothing to show. */
	public record Line(MunicipalityView municipality, BigDecimal fee, int termBusinessDays, BigDecimal cost, long cases,
			Double medianBusinessDays, Double onTimeShare) {


	}

	@Transactional(readOnly = true)
	public List<Line> of(Procedure procedure) {
		LocalDate today = clock.today();
		Map<String, CycleTimes.Measures> measured = cycleTimes
			.cases(new CycleTimes.Scope(today.minusMonths(12), today, null, null, procedure.key()), "municipality")
			.stream()
			.collect(Collectors.toMap(CycleTimes.Measures::label, Function.identity()));
		Set<String> costed = costings.costedIn(procedure.key());
		List<Line> lines = new ArrayList<>();
		for (MunicipalityView municipality : municipalities.all()) {
			Procedure own = tupa.find(municipality.ubigeo(), procedure.key(), today.getYear()).map(Tupa.Entry::procedure)
				.orElse(procedure);
			BigDecimal cost = costed.contains(municipality.ubigeo())
					? costings.costs(municipality.ubigeo(), List.of(procedure)).get(procedure.key()) : null;
			CycleTimes.Measures m = measured.get(municipality.ubigeo());
			lines.add(new Line(municipality, own.feeSoles(), own.termBusinessDays(), cost, m == null ? 0 : m.count(),
					m == null ? null : m.medianBusinessDays(), m == null ? null : m.onTimeShare()));
		}
		lines.sort(Comparator.comparing((Line l) -> l.onTimeShare() == null ? 2.0 : l.onTimeShare())
			.thenComparing(l -> l.municipality().name()));
		return lines;
	}

}
