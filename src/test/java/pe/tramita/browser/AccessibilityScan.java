package pe.tramita.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (Deque's accessibility engine, {@code src/test/resources/axe-core}) run inside the page the browser shows:
 * every violation of its default rules (WCAG 2 A and AA, and its best practices), one line each.
 */
final class AccessibilityScan {

	private static final String AXE = load();

	private AccessibilityScan() {
	}

	/** "rule: what it says — the first elements" for each violation on the current page; none when it passes. */
	@SuppressWarnings("unchecked")
	static List<String> violations(ChromeDriver browser) {
		browser.executeScript(AXE);
		Object result = browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document).then(r => done(r.violations.map(v => ({ id: v.id, help: v.help,
				    targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))))
				  .catch(e => done([{ id: 'axe-error', help: String(e), targets: [] }]));""");
		List<String> found = new ArrayList<>();
		for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
			found.add(browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "") + " — " + violation.get("id") + ": "
					+ violation.get("help") + " — " + violation.get("targets"));
		}
		return found;
	}

	private static String load() {
		try (InputStream in = AccessibilityScan.class.getResourceAsStream("/axe-core/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe-core is missing from the test resources (axe-core/axe.min.js)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
