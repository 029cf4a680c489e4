package pe.tramita.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.simple.AbstractSimpleMarkupHandler;
import org.attoparser.simple.SimpleMarkupParser;
import org.junit.jupiter.api.Test;

/**
 * No page shows text that is not in the message bundles (petclinic's I18nPropertiesSyncTest, for Thymeleaf): text a
 * template writes must sit in an element whose content Thymeleaf replaces ({@code th:text}, {@code th:utext}) or
 * inside a fragment that is replaced; a word typed straight into the HTML would reach users in one language only.
 */
class HardCodedTextTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final List<String> REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove",
			"th:errors");

	@Test
	void everyWordOnAPageComesFromTheBundles() throws IOException, ParseException {
		List<String> hardCoded = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				hardCoded.addAll(hardCodedText(template));
			}
		}
		assertThat(hardCoded).isEmpty();
	}

	@Test
	void theCheckSeesAWordTypedIntoTheHtml() throws Exception {
		Path page = Files.createTempFile("page", ".html");
		Files.writeString(page, "<section><h1 th:text=\"#{a.title}\">Título</h1><p>Texto fijo</p><p>·</p></section>");
		assertThat(hardCodedText(page)).singleElement().asString().contains("Texto fijo");
	}

	static List<String> hardCodedText(Path template) throws IOException, ParseException {
		List<String> found = new ArrayList<>();
		Deque<Boolean> replaced = new ArrayDeque<>();
		new SimpleMarkupParser(ParseConfiguration.htmlConfiguration()).parse(new StringReader(Files.readString(template)),
				new AbstractSimpleMarkupHandler() {

					private boolean inScriptOrStyle;

					@Override
					public void handleOpenElement(String name, java.util.Map<String, String> attributes, int line, int col) {
						boolean byThymeleaf = attributes != null && REPLACING.stream().anyMatch(attributes::containsKey);
						replaced.push(byThymeleaf || !replaced.isEmpty() && replaced.peek());
						inScriptOrStyle = name.equalsIgnoreCase("script") || name.equalsIgnoreCase("style");
					}

					@Override
					public void handleStandaloneElement(String name, java.util.Map<String, String> attributes,
							boolean minimized, int line, int col) {
					}

					@Override
					public void handleCloseElement(String name, int line, int col) {
						if (!replaced.isEmpty()) {
							replaced.pop();
						}
						inScriptOrStyle = false;
					}

					@Override
					public void handleAutoCloseElement(String name, int line, int col) {
						handleCloseElement(name, line, col);
					}

					@Override
					public void handleText(char[] buffer, int offset, int len, int line, int col) {
						String text = new String(buffer, offset, len).replaceAll("&[a-z]+;|&#\\d+;", " ").strip();
						boolean words = text.codePoints().filter(Character::isLetter).count() > 1;
						if (words && !inScriptOrStyle && (replaced.isEmpty() || !replaced.peek())) {
							found.add(template.getFileName() + ":" + line + " «" + text + "»");
						}
					}

				});
		return found;
	}

}
