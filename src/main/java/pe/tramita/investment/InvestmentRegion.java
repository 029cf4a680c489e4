package pe.tramita.investment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;

/** The 127 municipalities side by side: their projects' budget, what was paid and the share executed. */
@Service
class InvestmentRegion {

	private final Projects projects;

	private final Municipalities municipalities;

	InvestmentRegion(Projects projects, Municipalities municipalities) {
		this.projects = projects;
		this.municipalities = municipalities;
	}

	/** One municipality's totals; {@code executed} is null without projects. */
	record Line(MunicipalityView municipality, int projects, BigDecimal budget, BigDecimal certified,
			BigDecimal paid, BigDecimal executed) {
	}

	/** Every municipality, those with projects first, the lowest share executed first. */
	List<Line> lines() {
		Map<String, List<Project>> byMunicipality = projects.all().stream()
			.collect(Collectors.groupingBy(Project::ubigeo));
		return municipalities.all().stream().map(m -> line(m, byMunicipality.getOrDefault(m.ubigeo(), List.of())))
			.sorted(Comparator.comparing((Line l) -> l.executed() == null)
				.thenComparing(l -> l.executed() == null ? BigDecimal.ZERO : l.executed())
				.thenComparing(l -> l.municipality().name()))
			.toList();
	}

	private static Line line(MunicipalityView municipality, List<Project> projects) {
		BigDecimal budget = sum(projects.stream().map(Project::budget).toList());
		BigDecimal paid = sum(projects.stream().map(Project::paid).toList());
		return new Line(municipality, projects.size(), budget, sum(projects.stream().map(Project::certified).toList()),
				paid, projects.isEmpty() ? null : paid.divide(budget, 4, RoundingMode.HALF_UP));
	}

	private static BigDecimal sum(List<BigDecimal> amounts) {
		return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

}
