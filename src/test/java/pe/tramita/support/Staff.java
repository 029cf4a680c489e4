package pe.tramita.support;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import pe.tramita.security.CamundaIdentityAuthenticationProvider;
import pe.tramita.security.StaffUser;

/**
 * Clerks for tests, one per office in Cajamarca province (060101) and in Los Baños del Inca (060108), logged in through
 * the real authentication provider.
 */
@Component
public class Staff {

	public static final String PASSWORD = "clave-de-prueba";

	public static final String CAJAMARCA = "060101";

	public static final String BANOS = "060108";

	private final IdentityService identityService;

	private final CamundaIdentityAuthenticationProvider provider;

	Staff(IdentityService identityService, CamundaIdentityAuthenticationProvider provider) {
		this.identityService = identityService;
		this.provider = provider;
	}

	/** A logged-in clerk of that office and municipality, created on first use. */
	public Authentication login(String office, String ubigeo) {
		return loginAs(create("t." + office + "." + ubigeo, office, ubigeo));
	}

	/** Logs in a user made with {@link #create}. */
	public Authentication loginAs(String id) {
		return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(id, PASSWORD));
	}

	/** A logged-in user of its own, for tests that need several people in one office. */
	public StaffUser person(String name, String office, String ubigeo) {
		return (StaffUser) loginAs(create("t." + name + "." + office + "." + ubigeo, office, ubigeo)).getPrincipal();
	}

	/**
	 * A clerk of its own, for a test that fails logins on purpose: Camunda then delays that user's next logins, which
	 * must not hit the clerks other tests share.
	 */
	public String create(String id, String office, String ubigeo) {
		if (identityService.createUserQuery().userId(id).count() == 0) {
			User user = identityService.newUser(id);
			user.setFirstName("Prueba");
			user.setLastName(office);
			user.setPassword(PASSWORD);
			// test users share one short password; the policy itself is tested in LoginProtectionTests
			((IdentityServiceImpl) identityService).saveUser(user, true);
			identityService.createMembership(id, office);
			identityService.createTenantUserMembership(ubigeo, id);
		}
		return id;
	}

	/** The name other staff read for this user ("Prueba licencias"). */
	public String fullName(String id) {
		User user = identityService.createUserQuery().userId(id).singleResult();
		return (user.getFirstName() + " " + user.getLastName()).strip();
	}

	public StaffUser clerk(String office, String ubigeo) {
		return (StaffUser) login(office, ubigeo).getPrincipal();
	}

	public static final List<String> OFFICES = List.of("mesa-de-partes", "licencias", "defensa-civil", "gerencia");

}
