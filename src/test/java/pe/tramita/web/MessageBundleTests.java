package pe.tramita.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text users see comes from the bundles: Spanish and English carry the same keys, and every key a template or
 * a class names exists in them.
 */
class MessageBundleTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path SOURCES = Path.of("src/main/java");

	@Test
	void spanishAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(bundle("en").keySet()).isEqualTo(bundle("es").keySet());
		bundle("es").forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<Object> keys = bundle("es").keySet();
		Pattern literalKey = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
		for (Path template : files(TEMPLATES, ".html")) {
			Matcher m = literalKey.matcher(Files.readString(template));
			while (m.find()) {
				assertThat(keys).as("key %s used in %s", m.group(1), template).contains(m.group(1));
			}
		}
	}

	@Test
	void everyKeyTheCodeNamesExists() throws IOException {
		Set<Object> keys = bundle("es").keySet();
		Pattern codeKey = Pattern.compile(
				"\"((?:upload|task|taskForm|error|internal|certificates|certificate\\.(?:pdf|legend|signature)|verify|timeline\\.step|documentNumber\\.invalid)\\.[\\w.]*\\w)\"");
		Set<String> found = new HashSet<>();
		for (Path source : files(SOURCES, ".java")) {
			Matcher m = codeKey.matcher(Files.readString(source));
			while (m.find()) {
				found.add(m.group(1));
			}
		}
		assertThat(found).isNotEmpty();
		found.stream().filter(key -> !key.endsWith(".")).forEach(key -> assertThat(keys).as(key).contains(key));
	}

	private static Properties bundle(String language) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages_" + language + ".properties"))) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	private static java.util.List<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(p -> p.toString().endsWith(suffix)).toList();
		}
	}

}
