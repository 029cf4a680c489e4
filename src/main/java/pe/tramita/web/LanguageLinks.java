package pe.tramita.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The language switch keeps the page's query (filters, search, page number) and changes only {@code lang}. */
@ControllerAdvice
class LanguageLinks {

	/**
	 * This page's path and query without {@code lang}, for the layout to add the other language to. The query is
	 * kept as it was sent, pair by pair, so that whatever it holds ({@code =} in a value, a stray {@code %}) cannot
	 * break the page.
	 */
	@ModelAttribute("thisPage")
	String thisPage(HttpServletRequest request) {
		String query = request.getQueryString() == null ? "" : Arrays.stream(request.getQueryString().split("&"))
			.filter(pair -> !pair.isEmpty() && !pair.split("=", 2)[0].equals("lang"))
			.collect(Collectors.joining("&"));
		return request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
	}

}
