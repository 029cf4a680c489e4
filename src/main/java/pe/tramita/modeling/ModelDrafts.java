package pe.tramita.modeling;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.catalog.ProcessModels;
import pe.tramita.security.StaffUser;
import pe.tramita.text.ControlCharacters;

/**
 * Advisors' models in progress: started from a deployed version or from an uploaded {@code .bpmn} (made in Camunda
 * Modeler or any BPMN 2.0 tool), saved as often as wanted, checked against {@link ModelRules} on every view, and
 * deployed as a new version for all municipalities or one. Deploying runs as the advisor in Camunda, so the engine's
 * authorizations and tenant checks apply and the deployment is recorded with their name.
 */
@Service
public class ModelDrafts {

	/** A draft as listed and shown. */
	public record Draft(long id, String procedureKey, String name, String xml, String savedBy, Instant savedAt,
			String deploymentId) {

		public byte[] bytes() {
			return xml.getBytes(StandardCharsets.UTF_8);
		}

	}

	private final JdbcTemplate jdbc;

	private final ProcedureCatalog catalog;

	private final ModelRules rules;

	private final RepositoryService repositoryService;

	private final IdentityService identityService;

	private final ProcessModels processModels;

	private final LegalClock clock;

	ModelDrafts(JdbcTemplate jdbc, ProcedureCatalog catalog, ModelRules rules, RepositoryService repositoryService,
			IdentityService identityService, ProcessModels processModels, LegalClock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.rules = rules;
		this.repositoryService = repositoryService;
		this.identityService = identityService;
		this.processModels = processModels;
		this.clock = clock;
	}

	/**
	 * A new draft of the procedure from a file, read in the encoding it declares; refused when it is not XML text of at
	 * most the size limit.
	 */
	@Transactional
	public long upload(String procedureKey, String fileName, byte[] file, StaffUser advisor) {
		Procedure procedure = catalog.find(procedureKey).orElseThrow(() -> new ModelRejectedException("model.error.procedure"));
		if (file.length == 0) {
			throw new ModelRejectedException("model.error.empty");
		}
		if (file.length > ModelRules.MAX_BYTES) {
			throw new ModelRejectedException("model.rule.tooLarge", file.length / 1024, ModelRules.MAX_BYTES / 1024);
		}
		String xml = ProcessModels.text(file);
		if (!isXmlText(xml)) {
			throw new ModelRejectedException("model.error.notText");
		}
		return insert(procedure.key(), name(fileName), xml, advisor);
	}

	/** Readable characters only (a NUL or an undecodable byte is no model), starting like XML. */
	private static boolean isXmlText(String xml) {
		return xml.stripLeading().startsWith("<") && xml.indexOf('\uFFFD') < 0 && !ControlCharacters.anyIn(xml);
	}

	/** A new draft from a deployed version, to change it. */
	@Transactional
	public long fromVersion(String processDefinitionId, StaffUser advisor) {
		ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
			.processDefinitionId(processDefinitionId)
			.singleResult();
		Procedure procedure = definition == null ? null : catalog.findByProcessKey(definition.getKey()).orElse(null);
		if (procedure == null) {
			throw new ModelRejectedException("model.error.version");
		}
		return insert(procedure.key(), procedure.name() + " v" + definition.getVersion(),
				processModels.xml(processDefinitionId), advisor);
	}

	/** Saves the editor's XML over the draft (a deployed draft stays as it was: save it as a new one). */
	@Transactional
	public void save(long id, String xml, StaffUser advisor) {
		Draft draft = find(id).orElseThrow(() -> new ModelRejectedException("model.error.draft"));
		if (draft.deploymentId() != null) {
			throw new ModelRejectedException("model.error.deployedDraft");
		}
		if (xml == null || xml.isBlank()) {
			throw new ModelRejectedException("model.error.empty");
		}
		if (!isXmlText(xml)) {
			throw new ModelRejectedException("model.error.notText");
		}
		if (xml.getBytes(StandardCharsets.UTF_8).length > ModelRules.MAX_BYTES) {
			throw new ModelRejectedException("model.rule.tooLarge", xml.length() / 1024, ModelRules.MAX_BYTES / 1024);
		}
		jdbc.update("UPDATE tramita.model_draft SET xml = ?, saved_by = ?, saved_at = ? WHERE id = ?", xml, advisor.id(),
				Timestamp.from(clock.now().toInstant()), id);
	}

	public Optional<Draft> find(long id) {
		return jdbc.query("SELECT * FROM tramita.model_draft WHERE id = ?", (rs, n) -> draft(rs), id).stream().findFirst();
	}

	/** Every draft, newest first. */
	public List<Draft> all() {
		return jdbc.query("SELECT * FROM tramita.model_draft ORDER BY saved_at DESC", (rs, n) -> draft(rs));
	}

	public List<ModelProblem> problems(Draft draft) {
		List<ModelProblem> problems = new java.util.ArrayList<>(rules.check(draft.bytes()));
		// the draft must be the procedure's own process: another key would deploy another procedure
		String processKey = catalog.get(draft.procedureKey()).processKey();
		if (problems.isEmpty() && Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(draft.bytes()))
			.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).stream()
			.noneMatch(process -> process.getId().equals(processKey))) {
			problems.add(new ModelProblem("otherProcess", List.of(processKey), null, 0, 0));
		}
		return problems;
	}

	/**
	 * Deploys the draft as the procedure's next version, for every municipality ({@code ubigeo} null) or one of the
	 * advisor's. Refused, with nothing deployed, when the rules find problems.
	 */
	@Transactional
	public String deploy(long id, String ubigeo, StaffUser advisor) {
		Draft draft = find(id).orElseThrow(() -> new ModelRejectedException("model.error.draft"));
		if (ubigeo != null && !advisor.worksIn(ubigeo) && !advisor.isAdmin()) {
			throw new ModelRejectedException("model.error.municipality");
		}
		if (!problems(draft).isEmpty()) {
			throw new ModelRejectedException("model.error.problems");
		}
		Procedure procedure = catalog.get(draft.procedureKey());
		identityService.setAuthentication(advisor.id(), List.copyOf(advisor.offices()), List.copyOf(advisor.municipalities()));
		try {
			String deploymentId = repositoryService.createDeployment()
				.name(procedure.key())
				.source("Tramita — asesoría")
				.tenantId(ubigeo)
				.addString(procedure.processKey() + ".bpmn", draft.xml())
				.deploy()
				.getId();
			jdbc.update("UPDATE tramita.model_draft SET deployment_id = ? WHERE id = ?", deploymentId, id);
			return deploymentId;
		}
		catch (ParseException | AuthorizationException e) {
			// what the engine's own parser or its authorizations refuse beyond Tramita's rules
			throw new ModelRejectedException("model.error.engine", e.getMessage());
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private long insert(String procedureKey, String name, String xml, StaffUser advisor) {
		return jdbc.queryForObject("""
				INSERT INTO tramita.model_draft (procedure_key, name, xml, saved_by, saved_at)
				VALUES (?, ?, ?, ?, ?) RETURNING id""", Long.class, procedureKey, name, xml, advisor.id(),
				Timestamp.from(clock.now().toInstant()));
	}

	private static String name(String fileName) {
		String name = fileName == null ? "" : fileName.replaceAll("\\p{Cntrl}", "").strip();
		name = name.isEmpty() ? "modelo.bpmn" : name;
		return name.length() > 120 ? name.substring(0, 120) : name;
	}

	private static Draft draft(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Draft(rs.getLong("id"), rs.getString("procedure_key"), rs.getString("name"), rs.getString("xml"),
				rs.getString("saved_by"), rs.getTimestamp("saved_at").toInstant(), rs.getString("deployment_id"));
	}

}
