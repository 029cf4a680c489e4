package pe.tramita.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Full Camunda rights for the administrators' office, deployment rights for advisors; and a first
 * administrator when {@code tramita.admin.password} is given (its password is hashed by Camunda, never stored here).
 */
@Component
class IdentitySetup {

	private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	private final String adminUser;

	private final String adminPassword;

	IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
			@Value("${tramita.admin.username:admin}") String adminUser,
			@Value("${tramita.admin.password:}") String adminPassword) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.adminUser = adminUser;
		this.adminPassword = adminPassword;
	}

	@EventListener(PostDeployEvent.class)
	@Order(20)
	void setUp() {
		grantEverythingToAdmins();
		grantDeploymentToAdvisors();
		if (!adminPassword.isBlank() && identityService.createUserQuery().userId(adminUser).count() == 0) {
			User admin = identityService.newUser(adminUser);
			admin.setFirstName("Administrador");
			admin.setLastName("Tramita");
			if (!identityService.checkPasswordAgainstPolicy(adminPassword, admin).isValid()) {
				throw new IllegalStateException("TRAMITA_ADMIN_PASSWORD does not meet the password policy: at least 10 "
						+ "characters, with upper and lower case letters, a digit and a sign, and not the user's name ("
						+ adminUser + ", Administrador, Tramita)");
			}
			admin.setPassword(adminPassword);
			identityService.saveUser(admin);
			identityService.createMembership(adminUser, Offices.ADMIN);
			log.info("Created administrator '{}'", adminUser);
		}
	}

	/** Advisors deploy models from Camunda Modeler through the REST API (Tramita's model rules still apply). */
	private void grantDeploymentToAdvisors() {
		grant(Offices.ASESOR, Resources.DEPLOYMENT, Permissions.CREATE, Permissions.READ);
		grant(Offices.ASESOR, Resources.PROCESS_DEFINITION, Permissions.READ);
	}

	private void grant(String group, Resource resource, Permission... permissions) {
		boolean granted = authorizationService.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(Authorization.ANY)
			.count() > 0;
		if (!granted) {
			Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(group);
			authorization.setResource(resource);
			authorization.setResourceId(Authorization.ANY);
			for (Permission permission : permissions) {
				authorization.addPermission(permission);
			}
			authorizationService.saveAuthorization(authorization);
		}
	}

	private void grantEverythingToAdmins() {
		for (Resource resource : Resources.values()) {
			boolean granted = authorizationService.createAuthorizationQuery()
				.groupIdIn(Offices.ADMIN)
				.resourceType(resource)
				.resourceId(Authorization.ANY)
				.count() > 0;
			if (!granted) {
				Authorization all = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				all.setGroupId(Offices.ADMIN);
				all.setResource(resource);
				all.setResourceId(Authorization.ANY);
				all.addPermission(Permissions.ALL);
				authorizationService.saveAuthorization(all);
			}
		}
	}

}
