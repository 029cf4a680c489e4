package pe.tramita.office;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Creates the offices of {@code processes/offices.yml} that do not exist yet, as soon as the engine is built: before
 * the procedure models are deployed, since the model rules refuse a model naming an office that does not exist.
 */
@Component
class OfficeSeed extends AbstractProcessEnginePlugin {

	static final String FILE = "processes/offices.yml";

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		IdentityService identityService = engine.getIdentityService();
		for (Map<String, String> office : offices()) {
			if (identityService.createGroupQuery().groupId(office.get("id")).count() == 0) {
				Group group = identityService.newGroup(office.get("id"));
				group.setName(office.get("name"));
				group.setType(OfficeDirectory.GROUP_TYPE);
				identityService.saveGroup(group);
			}
		}
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, String>> offices() {
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return (List<Map<String, String>>) file.get("offices");
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + FILE, e);
		}
	}

}
