package pe.tramita.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Text as people search it: without accents or case, so that {@code rosa chavez} finds «Rosa Chávez» and
 * {@code cajamarca} finds «CAJAMARCA»; every word typed must appear, in any order, whole or in part.
 */
public final class SearchText {

	private SearchText() {
	}

	/** Lower case, without accents (ñ stays n), one space between words. */
	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return decomposed.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
	}

	/** The words typed, folded; none for a blank query. */
	public static List<String> words(String query) {
		String folded = fold(query);
		return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
	}

	/** Whether every word of the query is somewhere in one of these texts (true for a blank query). */
	public static boolean matches(String query, String... texts) {
		String haystack = fold(String.join(" ", texts));
		return words(query).stream().allMatch(haystack::contains);
	}

}
