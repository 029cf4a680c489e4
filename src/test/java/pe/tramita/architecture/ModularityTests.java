package pe.tramita.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import pe.tramita.TramitaApplication;

/**
 * Each feature package is a module that uses only the modules its {@code package-info.java} allows, with no cycle;
 * the build draws them (target/spring-modulith-docs: PlantUML diagrams and a canvas per module) and the README
 * shows the same graph.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(TramitaApplication.class);

	static final String BEGIN = "<!-- modules: written by ModularityTests -->";

	static final String END = "<!-- /modules -->";

	@Test
	void modulesUseOnlyTheirDeclaredDependenciesAndFormNoCycle() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDiagramsAndCanvasesIntoTheBuild() throws IOException {
		new Documenter(MODULES).writeDocumentation();
		Path written = Path.of("target/spring-modulith-docs");
		assertThat(written.resolve("components.puml")).exists();
		assertThat(written.resolve("module-request.adoc")).exists();
	}

	@Test
	void theReadmeShowsTheModulesAsTheyAre() throws IOException {
		String diagram = mermaid();
		// beside the Documenter's folder, which it empties before writing
		Files.writeString(Path.of("target/modules.mmd"), diagram);
		String readme = Files.readString(Path.of("README.md"));
		String shown = readme.substring(readme.indexOf(BEGIN) + BEGIN.length(), readme.indexOf(END)).strip();
		assertThat(shown).as("the README's module graph: replace it with target/modules.mmd")
			.isEqualTo("```mermaid\n" + diagram + "```");
	}

	/** Each module and the modules it uses, most used at the bottom. */
	private static String mermaid() {
		StringBuilder graph = new StringBuilder("graph TD\n");
		MODULES.stream().sorted((a, b) -> a.getIdentifier().toString().compareTo(b.getIdentifier().toString()))
			.forEach(module -> {
				String uses = module.getDirectDependencies(MODULES).uniqueModules()
					.map(ApplicationModule::getIdentifier).map(Object::toString).sorted()
					.collect(Collectors.joining(" & "));
				graph.append("  ").append(module.getIdentifier());
				if (!uses.isEmpty()) {
					graph.append(" --> ").append(uses);
				}
				graph.append('\n');
			});
		return graph.toString();
	}

}
