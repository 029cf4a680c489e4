package pe.tramita.modeling;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Component;

import pe.tramita.catalog.Procedure;
import pe.tramita.costing.BeforeAfter;
import pe.tramita.costing.Costings;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.security.StaffUser;

/**
 * The costing workbench's before and after on the advisor's model pages: cost, fee, citizen's burden, measured and
 * predicted time need a municipality, so they are shown for one where the versions run (or where a draft would be
 * deployed) and the advisor works, a costed one first unless the advisor picks another.
 */
@Component
class CostedComparisons {

	/** The municipalities offered, the one shown, and its figures. */
	record Choice(List<MunicipalityView> municipalities, MunicipalityView shown, BeforeAfter.Comparison comparison) {
	}

	private final BeforeAfter beforeAfter;

	private final Costings costings;

	private final Municipalities municipalities;

	CostedComparisons(BeforeAfter beforeAfter, Costings costings, Municipalities municipalities) {
		this.beforeAfter = beforeAfter;
		this.costings = costings;
		this.municipalities = municipalities;
	}

	/** A draft after the version new cases start on, in any municipality of the advisor's. */
	Optional<Choice> ofDraft(Procedure procedure, BpmnModelInstance draft, String requested, StaffUser advisor) {
		List<MunicipalityView> offered = ofAdvisor(advisor);
		return shown(procedure, offered, requested)
			.map(m -> new Choice(offered, m, beforeAfter.ofDraft(m.ubigeo(), procedure, draft)));
	}

	/** Two deployed versions, in the advisor's municipalities whose cases run on them. */
	Optional<Choice> ofVersions(Procedure procedure, ProcessDefinition before, ProcessDefinition after,
			String requested, StaffUser advisor) {
		if (!Objects.equals(before.getTenantId(), after.getTenantId())) {
			return Optional.empty();
		}
		Set<String> own = costings.withOwnVersions(before.getKey());
		List<MunicipalityView> running = ofAdvisor(advisor).stream()
			.filter(m -> before.getTenantId() == null ? !own.contains(m.ubigeo()) : m.ubigeo().equals(before.getTenantId()))
			.toList();
		return shown(procedure, running, requested).map(m -> new Choice(running, m,
				beforeAfter.of(m.ubigeo(), procedure, before.getVersion(), after.getVersion())));
	}

	private Optional<MunicipalityView> shown(Procedure procedure, List<MunicipalityView> offered, String requested) {
		if (procedure.internal() || offered.isEmpty()) {
			return Optional.empty();
		}
		Set<String> costed = costings.costedIn(procedure.key());
		return offered.stream().filter(m -> m.ubigeo().equals(requested)).findFirst()
			.or(() -> offered.stream().filter(m -> costed.contains(m.ubigeo())).findFirst())
			.or(() -> Optional.of(offered.get(0)));
	}

	private List<MunicipalityView> ofAdvisor(StaffUser advisor) {
		return municipalities.all().stream().filter(m -> advisor.reaches(m.ubigeo())).toList();
	}

}
