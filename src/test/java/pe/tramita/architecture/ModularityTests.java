package pe.tramita.architecture;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import pe.tramita.TramitaApplication;

/** Each feature package is a module that uses only what it declares, with no cycle; the build draws them. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(TramitaApplication.class);

	@Test
	void modulesUseOnlyTheirDeclaredDependenciesAndFormNoCycle() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDiagramsAndCanvasIntoTheBuild() {
		new Documenter(MODULES).writeDocumentation();
	}

}
