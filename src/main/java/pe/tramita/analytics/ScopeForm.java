package pe.tramita.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

import pe.tramita.analytics.CycleTimes.Scope;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.municipality.Municipalities;

/**
 * The dashboard's filters as typed (dates dd/MM/yyyy, province, municipality, procedure, version), checked: what is
 * not valid is named in {@link #problems()} and replaced by the default (the last twelve months, everything).
 */
public record ScopeForm(String from, String to, String province, String ubigeo, String procedureKey, Integer version,
		Scope scope, List<String> problems) {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

	static ScopeForm read(String from, String to, String province, String ubigeo, String procedureKey, String version,
			LocalDate today, Municipalities municipalities, ProcedureCatalog catalog) {
		List<String> problems = new ArrayList<>();
		LocalDate end = day(to, today, "analytics.error.to", problems);
		LocalDate start = day(from, end.minusYears(1).plusDays(1), "analytics.error.from", problems);
		if (start.isAfter(end)) {
			problems.add("analytics.error.range");
			start = end.minusYears(1).plusDays(1);
		}
		String cleanProvince = StringUtils.hasText(province) ? province : null;
		if (cleanProvince != null && municipalities.all().stream().noneMatch(m -> m.province().equals(province))) {
			problems.add("analytics.error.province");
			cleanProvince = null;
		}
		String cleanUbigeo = StringUtils.hasText(ubigeo) ? ubigeo : null;
		if (cleanUbigeo != null && municipalities.find(cleanUbigeo).isEmpty()) {
			problems.add("analytics.error.municipality");
			cleanUbigeo = null;
		}
		String cleanProcedure = StringUtils.hasText(procedureKey) ? procedureKey : null;
		if (cleanProcedure != null && catalog.find(cleanProcedure).isEmpty()) {
			problems.add("analytics.error.procedure");
			cleanProcedure = null;
		}
		Integer cleanVersion = null;
		if (StringUtils.hasText(version)) {
			if (version.matches("\\d{1,4}") && cleanProcedure != null) {
				cleanVersion = Integer.valueOf(version);
			}
			else {
				problems.add("analytics.error.version");
			}
		}
		return new ScopeForm(DAY.format(start), DAY.format(end), cleanProvince, cleanUbigeo, cleanProcedure, cleanVersion,
				new Scope(start, end, cleanProvince, cleanUbigeo, cleanProcedure), List.copyOf(problems));
	}

	/** The same filters in a URL's query, for the export links. */
	public String query() {
		UriComponentsBuilder url = UriComponentsBuilder.newInstance().queryParam("desde", from).queryParam("hasta", to);
		if (province != null) {
			url.queryParam("provincia", province);
		}
		if (ubigeo != null) {
			url.queryParam("municipio", ubigeo);
		}
		if (procedureKey != null) {
			url.queryParam("tramite", procedureKey);
		}
		if (version != null) {
			url.queryParam("version", version);
		}
		return url.encode().build().getQuery();
	}

	private static LocalDate day(String typed, LocalDate otherwise, String problem, List<String> problems) {
		if (!StringUtils.hasText(typed)) {
			return otherwise;
		}
		try {
			return LocalDate.parse(typed.strip(), DAY);
		}
		catch (DateTimeParseException e) {
			problems.add(problem);
			return otherwise;
		}
	}

}
