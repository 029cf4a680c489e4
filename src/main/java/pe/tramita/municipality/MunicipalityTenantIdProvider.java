package pe.tramita.municipality;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

/**
 * Procedures are deployed once, shared by all municipalities; each case's process instance belongs to the tenant of
 * its municipality, taken from the start variable {@value #MUNICIPALITY_VARIABLE}.
 */
@Component
public class MunicipalityTenantIdProvider extends AbstractProcessEnginePlugin implements TenantIdProvider {

	public static final String MUNICIPALITY_VARIABLE = "municipio";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setTenantIdProvider(this);
	}

	@Override
	public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
		Object ubigeo = context.getVariables().get(MUNICIPALITY_VARIABLE);
		return ubigeo == null ? null : ubigeo.toString();
	}

	@Override
	public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
		return null;
	}

	@Override
	public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
		return null;
	}

}
