package pe.tramita.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.support.SampleFiles;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/** Bad uploads and deployments are refused with their reason, and nothing is saved or deployed. */
@TramitaTest
class ModelDraftsTests {

	static final String CHOROS = "060603";

	@Autowired
	ModelDrafts drafts;

	@Autowired
	Staff staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RepositoryService repositoryService;

	@Test
	void badUploadsAreRefusedAndNothingIsSaved() {
		StaffUser advisor = staff.person("asesor", Offices.ASESOR, CHOROS);
		long before = count();
		refused(() -> drafts.upload("licencia-funcionamiento", "vacio.bpmn", new byte[0], advisor), "model.error.empty");
		refused(() -> drafts.upload("licencia-funcionamiento", "informe.pdf", SampleFiles.pdf(), advisor), "model.error.notText");
		refused(() -> drafts.upload("licencia-funcionamiento", "grande.bpmn", new byte[ModelRules.MAX_BYTES + 1], advisor),
				"model.rule.tooLarge");
		refused(() -> drafts.upload("tramite-inexistente", "m.bpmn", bytes(ModelRulesTests.valid()), advisor),
				"model.error.procedure");
		assertThat(count()).isEqualTo(before);

		long withMark = drafts.upload("licencia-funcionamiento", "con-bom.bpmn", bytes("\uFEFF" + ModelRulesTests.valid()), advisor);
		assertThat(drafts.find(withMark).orElseThrow().xml()).startsWith("<?xml");
		assertThat(drafts.problems(drafts.find(withMark).orElseThrow())).isEmpty();
	}

	@Test
	void deploymentsOutsideTheAdvisorsMunicipalitiesOrWithProblemsAreRefused() {
		StaffUser advisor = staff.person("asesor", Offices.ASESOR, CHOROS);
		long fine = drafts.upload("licencia-funcionamiento", "m.bpmn", bytes(ModelRulesTests.valid()), advisor);
		long broken = drafts.upload("licencia-funcionamiento", "m.bpmn",
				bytes(ModelRulesTests.BAD.get("javaClass").apply(ModelRulesTests.valid())), advisor);
		long deployments = repositoryService.createDeploymentQuery().count();
		refused(() -> drafts.deploy(fine, "060101", advisor), "model.error.municipality");
		refused(() -> drafts.deploy(broken, CHOROS, advisor), "model.error.problems");
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);

		drafts.deploy(fine, CHOROS, advisor);
		assertThat(repositoryService.createDeploymentQuery().tenantIdIn(CHOROS).count()).isOne();
		refused(() -> drafts.save(fine, ModelRulesTests.valid(), advisor), "model.error.deployedDraft");
	}

	private long count() {
		return jdbc.queryForObject("SELECT count(*) FROM tramita.model_draft WHERE saved_by LIKE 't.asesor.%.' || ?", Long.class, CHOROS);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
		assertThatThrownBy(call).isInstanceOf(ModelRejectedException.class).hasMessage(reason);
	}

}
