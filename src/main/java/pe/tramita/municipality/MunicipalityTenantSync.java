package pe.tramita.municipality;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Makes every municipality a Camunda tenant, so Camunda Admin shows them and tenant memberships can be granted. */
@Component
class MunicipalityTenantSync {

	private static final Logger log = LoggerFactory.getLogger(MunicipalityTenantSync.class);

	private final Municipalities municipalities;

	private final IdentityService identityService;

	MunicipalityTenantSync(Municipalities municipalities, IdentityService identityService) {
		this.municipalities = municipalities;
		this.identityService = identityService;
	}

	@EventListener(PostDeployEvent.class)
	@Order(10)
	void createMissingTenants() {
		Set<String> existing = identityService.createTenantQuery().list().stream().map(Tenant::getId)
			.collect(Collectors.toSet());
		int created = 0;
		for (MunicipalityView municipality : municipalities.all()) {
			if (!existing.contains(municipality.ubigeo())) {
				Tenant tenant = identityService.newTenant(municipality.ubigeo());
				tenant.setName(municipality.name());
				identityService.saveTenant(tenant);
				created++;
			}
		}
		if (created > 0) {
			log.info("Created {} Camunda tenants for municipalities", created);
		}
	}

}
