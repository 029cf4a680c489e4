package pe.tramita.support;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A fresh embedded cluster per test JVM, so no run sees another's data; {@code -Dtests.dataDir} runs a benchmark again
 * on the cluster an earlier run left (the analytics benchmark's two million cases take 25 minutes to seed and record).
 */
public class TestDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final Path RUN_DIR = Path.of(System.getProperty("tests.dataDir",
			Path.of("target", "test-data", "run-" + ProcessHandle.current().pid()).toString()));

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment().getPropertySources()
			.addFirst(new MapPropertySource("test-data-dir", Map.of("tramita.data-dir", RUN_DIR.toString())));
	}

}
