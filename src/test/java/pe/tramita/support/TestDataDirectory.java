package pe.tramita.support;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** A fresh embedded cluster per test JVM, so no run sees another's data. */
public class TestDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final Path RUN_DIR = Path.of("target", "test-data", "run-" + ProcessHandle.current().pid());

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment().getPropertySources()
			.addFirst(new MapPropertySource("test-data-dir", Map.of("tramita.data-dir", RUN_DIR.toString())));
	}

}
