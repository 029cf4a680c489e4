package bench.peer;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * A stock Camunda 7 REST application, as a municipality would deploy it instead of Tramita: Camunda's REST API under
 * {@code /engine-rest} behind HTTP basic authentication (Camunda's own filter, as its documentation shows), with
 * authorization checks on. Its clerks are three users, one per office of the licence's steps, members of the
 * municipality's tenant, allowed to start the licence's cases; each sees and works only the tasks its office is a
 * candidate for (the engine's own default permissions on a task's candidates). The model is the bare engine's.
 */
@SpringBootApplication
public class PeerApplication {

	static final String TENANT = "060101";

	static final String PROCESS = "bench-three-user-tasks";

	static final String PASSWORD = "peer-clerk";

	/** user → office (group): the clerks of Cajamarca's three steps. */
	static final Map<String, String> CLERKS = Map.of("mesa", "mesa-de-partes", "licencias", "licencias", "gerente",
			"gerencia");

	public static void main(String[] args) {
		SpringApplication.run(PeerApplication.class, args);
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

	/** Each case belongs to its municipality's tenant, as in Tramita and the bare engine. */
	@Bean
	ProcessEnginePlugin tenantPerMunicipality() {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				configuration.setTenantIdProvider(new TenantIdProvider() {
					@Override
					public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
						Object municipality = context.getVariables().get("municipio");
						return municipality == null ? null : municipality.toString();
					}

					@Override
					public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
						return null;
					}

					@Override
					public String provideTenantIdForHistoricDecisionInstance(
							TenantIdProviderHistoricDecisionInstanceContext context) {
						return null;
					}
				});
			}
		};
	}

	@Bean
	ApplicationRunner clerks(ProcessEngine engine) {
		return arguments -> {
			IdentityService identity = engine.getIdentityService();
			if (identity.createTenantQuery().tenantId(TENANT).count() > 0) {
				return;
			}
			identity.saveTenant(identity.newTenant(TENANT));
			CLERKS.forEach((userId, office) -> {
				User user = identity.newUser(userId);
				user.setPassword(PASSWORD);
				identity.saveUser(user);
				Group group = identity.newGroup(office);
				identity.saveGroup(group);
				identity.createMembership(userId, office);
				identity.createTenantUserMembership(TENANT, userId);
				grant(engine.getAuthorizationService(), office, Resources.PROCESS_DEFINITION, PROCESS,
						List.of(Permissions.READ, Permissions.CREATE_INSTANCE));
				// UPDATE: reception correlates the message of the fee's payment
				grant(engine.getAuthorizationService(), office, Resources.PROCESS_INSTANCE, ANY,
						List.of(Permissions.CREATE, Permissions.READ, Permissions.UPDATE));
			});
		};
	}

	private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
			List<Permission> permissions) {
		Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
		grant.setGroupId(group);
		grant.setResource(resource);
		grant.setResourceId(resourceId);
		permissions.forEach(grant::addPermission);
		authorizations.saveAuthorization(grant);
	}

}
