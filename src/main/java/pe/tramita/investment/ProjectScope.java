package pe.tramita.investment;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.security.StaffUser;
import pe.tramita.web.NotFoundException;

/**
 * Who sees and changes projects: every staff member sees their municipalities' projects (another municipality's
 * answers "not found", as if it did not exist); planning, management and administrators register projects and tie
 * procurements to them.
 */
@Component
class ProjectScope {

	static final Set<String> EDITING_OFFICES = Set.of("planeamiento", "gerencia");

	private final Municipalities municipalities;

	private final Projects projects;

	ProjectScope(Municipalities municipalities, Projects projects) {
		this.municipalities = municipalities;
		this.projects = projects;
	}

	List<MunicipalityView> municipalitiesOf(StaffUser staff) {
		return municipalities.all().stream().filter(m -> staff.reaches(m.ubigeo())).toList();
	}

	/** The municipality asked for, else the staff member's first; not found outside their reach. */
	MunicipalityView municipality(String ubigeo, StaffUser staff) {
		if (ubigeo == null || ubigeo.isBlank()) {
			return municipalitiesOf(staff).stream().findFirst().orElseThrow(() -> new NotFoundException("municipality"));
		}
		if (!staff.reaches(ubigeo)) {
			throw new NotFoundException("municipality " + ubigeo);
		}
		return municipalities.find(ubigeo).orElseThrow(() -> new NotFoundException("municipality " + ubigeo));
	}

	Project project(long id, StaffUser staff) {
		return projects.find(id).filter(p -> staff.reaches(p.ubigeo()))
			.orElseThrow(() -> new NotFoundException("project " + id));
	}

	static boolean mayEdit(StaffUser staff) {
		return staff.isAdmin() || staff.offices().stream().anyMatch(EDITING_OFFICES::contains);
	}

}
