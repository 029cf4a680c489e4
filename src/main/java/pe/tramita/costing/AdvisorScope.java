package pe.tramita.costing;

import java.util.List;

import org.springframework.stereotype.Component;

import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.security.StaffUser;
import pe.tramita.web.NotFoundException;

/**
 * What an advisor's costing page may show: the municipalities they work in (any other answers "not found", as if it
 * did not exist), the TUPA's procedures (not the internal ones), and the model versions a municipality has.
 */
@Component
class AdvisorScope {

	private final ProcedureCatalog catalog;

	private final Municipalities municipalities;

	AdvisorScope(ProcedureCatalog catalog, Municipalities municipalities) {
		this.catalog = catalog;
		this.municipalities = municipalities;
	}

	MunicipalityView allowed(String ubigeo, StaffUser advisor) {
		if (!advisor.reaches(ubigeo)) {
			throw new NotFoundException("municipality " + ubigeo);
		}
		return municipalities.find(ubigeo).orElseThrow(() -> new NotFoundException("municipality " + ubigeo));
	}
	Procedure procedure(String key) {
		return tupaProcedures().stream().filter(p -> p.key().equals(key)).findFirst()
			.orElseThrow(() -> new NotFoundException("procedure " + key));
	}
	List<Procedure> tupaProcedures() {
		return catalog.all().stream().filter(p -> !p.internal()).toList();
	}
	/** A version the page may show: one of {@code versions}, else not found; none asked: {@code otherwise}. */
	static int version(String typed, List<Integer> versions, int otherwise) {
		if (typed == null || typed.isBlank()) {
			return otherwise;
		}
		return versions.stream().filter(v -> String.valueOf(v).equals(typed.strip())).findFirst()
			.orElseThrow(() -> new NotFoundException("version " + typed));
	}

	List<MunicipalityView> municipalitiesOf(StaffUser advisor) {
		return municipalities.all().stream().filter(m -> advisor.reaches(m.ubigeo())).toList();
	}

}
