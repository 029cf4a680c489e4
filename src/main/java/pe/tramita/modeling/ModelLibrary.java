package pe.tramita.modeling;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.engine.RunningCases;

/** Every procedure with its deployed versions: shared or of one municipality, when and by whom, cases running. */
@Service
public class ModelLibrary {

	/** One deployed version of a procedure's model. */
	public record Version(String definitionId, int version, String tenantId, Instant deployedAt, String deployedBy,
			String source, long runningCases) {
	}

	/** A procedure and its versions, newest first. */
	public record ProcedureModels(Procedure procedure, List<Version> versions) {
	}

	private final ProcedureCatalog catalog;

	private final RepositoryService repositoryService;

	private final JdbcTemplate jdbc;

	private final RunningCases runningCases;

	ModelLibrary(ProcedureCatalog catalog, RepositoryService repositoryService, JdbcTemplate jdbc,
			RunningCases runningCases) {
		this.catalog = catalog;
		this.runningCases = runningCases;
		this.repositoryService = repositoryService;
		this.jdbc = jdbc;
	}

	public List<ProcedureModels> all() {
		Map<String, Long> running = runningCases.countByVersion();
		Map<String, String[]> deployedBy = new HashMap<>();
		jdbc.query("SELECT deployment_id, deployed_by, source FROM tramita.model_deployment", rs -> {
			deployedBy.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) });
		});
		Map<String, Deployment> deployments = new HashMap<>();
		repositoryService.createDeploymentQuery().list().forEach(d -> deployments.put(d.getId(), d));
		return catalog.all().stream().map(procedure -> new ProcedureModels(procedure, repositoryService
			.createProcessDefinitionQuery()
			.processDefinitionKey(procedure.processKey())
			.orderByProcessDefinitionVersion().desc()
			.orderByTenantId().asc()
			.list()
			.stream()
			.map(d -> version(d, deployments.get(d.getDeploymentId()), deployedBy.get(d.getDeploymentId()),
					running.getOrDefault(d.getId(), 0L)))
			.toList())).toList();
	}

	/** One version, read on its own (the library reads every version at once). */
	public java.util.Optional<Version> version(String definitionId) {
		ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
			.processDefinitionId(definitionId)
			.singleResult();
		if (definition == null) {
			return java.util.Optional.empty();
		}
		Deployment deployment = repositoryService.createDeploymentQuery()
			.deploymentId(definition.getDeploymentId())
			.singleResult();
		String[] who = jdbc.query("SELECT deployed_by, source FROM tramita.model_deployment WHERE deployment_id = ?",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2) }, definition.getDeploymentId())
			.stream().findFirst().orElse(null);
		return java.util.Optional.of(version(definition, deployment, who, runningCases.count(definitionId)));
	}

	private static Version version(ProcessDefinition definition, Deployment deployment, String[] who, long running) {
		return new Version(definition.getId(), definition.getVersion(), definition.getTenantId(),
				deployment == null ? null : deployment.getDeploymentTime().toInstant(), who == null ? null : who[0],
				who == null ? (deployment == null ? null : deployment.getSource()) : who[1], running);
	}

}
