package pe.tramita.security;

import java.io.Serializable;
import java.util.Set;

import org.springframework.security.core.AuthenticatedPrincipal;

/** A logged-in clerk, advisor or administrator: their offices (groups) and municipalities (tenants). */
public record StaffUser(String id, String fullName, Set<String> offices, Set<String> municipalities)
		implements AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return id;
	}

	public boolean worksIn(String ubigeo) {
		return ubigeo != null && municipalities.contains(ubigeo);
	}

	/** Administrators reach every municipality; everyone else the ones they work in. */
	public boolean reaches(String ubigeo) {
		return isAdmin() || worksIn(ubigeo);
	}

	public boolean isAdmin() {
		return offices.contains(Offices.ADMIN);
	}

	/** Supervisors and administrators see and hand out every task of their municipalities. */
	public boolean supervises() {
		return isAdmin() || offices.contains(Offices.SUPERVISION);
	}

}
