package pe.tramita.modeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ModelRules} in front of the engine's own deployers, so that no deployment — from the advisor's
 * workspace, from Camunda Modeler through {@code /engine-rest/deployment/create}, or of the models under
 * {@code processes/} — brings in a model that breaks them: the engine refuses it with a {@link ParseException} that
 * names each problem (in Spanish), its element, line and column, and nothing is deployed. Every resource of the
 * deployment is checked, and any that is not a {@code .bpmn} model is refused. It also writes down who deployed what
 * ({@code tramita.model_deployment}), in the deployment's transaction. Only new deployments are checked: versions
 * already deployed are read back as they are.
 */
@Component
class ModelRulesPlugin extends AbstractProcessEnginePlugin implements Deployer {

	static final Locale SPANISH = Locale.forLanguageTag("es");

	/** The one kind of resource Tramita deploys. */
	static final String MODEL_SUFFIX = ".bpmn";

	private final ModelRules rules;

	private final MessageSource messages;

	private final JdbcTemplate jdbc;

	ModelRulesPlugin(@Lazy ModelRules rules, MessageSource messages, @Lazy JdbcTemplate jdbc) {
		this.rules = rules;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			deployers.addAll(configuration.getCustomPreDeployers());
		}
		deployers.add(this);
		configuration.setCustomPreDeployers(deployers);
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew() || deployment.getResources() == null || deployment.getResources().isEmpty()) {
			return;
		}
		for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
			// the engine parses any name ending in "bpmn" (x.xbpmn too) and other kinds by other names: Tramita
			// deploys BPMN models named .bpmn and nothing else, so nothing reaches a parser unchecked
			List<ModelProblem> problems = resource.getKey().endsWith(MODEL_SUFFIX)
					? rules.check(resource.getValue().getBytes())
					: List.of(new ModelProblem("resourceKind", List.of(resource.getKey()), null, 0, 0));
			if (!problems.isEmpty()) {
				List<Problem> errors = problems.stream().map(p -> (Problem) new EngineProblem(p, message(p))).toList();
				throw new ParseException(messages.getMessage("model.refused",
						new Object[] { resource.getKey(), problems.size() }, SPANISH) + " " + errors.get(0).getMessage(),
						resource.getKey(), errors, List.of());
			}
		}
		String user = Context.getCommandContext().getAuthenticatedUserId();
		jdbc.update("""
				INSERT INTO tramita.model_deployment (deployment_id, deployed_by, deployed_at, tenant_id, source)
				VALUES (?, ?, ?, ?, ?)""", deployment.getId(), user,
				java.sql.Timestamp.from(deployment.getDeploymentTime().toInstant()), deployment.getTenantId(),
				deployment.getSource());
	}

	String message(ModelProblem problem) {
		return messages.getMessage(problem.messageKey(), problem.arguments().toArray(), SPANISH);
	}

	private record EngineProblem(ModelProblem problem, String message) implements Problem {

		@Override
		public String getMessage() {
			return message;
		}

		@Override
		public int getLine() {
			return problem.line();
		}

		@Override
		public int getColumn() {
			return problem.column();
		}

		@Override
		public String getMainElementId() {
			return problem.elementId();
		}

		@Override
		public List<String> getElementIds() {
			return problem.elementId() == null ? List.of() : List.of(problem.elementId());
		}

	}

}
