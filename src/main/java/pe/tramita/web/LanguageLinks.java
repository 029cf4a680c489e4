package pe.tramita.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** The language switch keeps the page's query (filters, search, page number) and changes only {@code lang}. */
@ControllerAdvice
class LanguageLinks {

	/** This page's path and query without {@code lang}, for the layout to add the other language to. */
	@ModelAttribute("thisPage")
	String thisPage(HttpServletRequest request) {
		return UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam("lang")
			.build(true)
			.toUriString();
	}

}
