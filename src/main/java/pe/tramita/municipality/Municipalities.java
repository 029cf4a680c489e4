package pe.tramita.municipality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import pe.tramita.text.SearchText;

/**
 * The municipalities served by this deployment. Each is a Camunda tenant whose id is its UBIGEO. The list is small
 * and changes only through migrations, so it is read once.
 */
@Service
public class Municipalities {

	private final List<MunicipalityView> all;

	private final Map<String, MunicipalityView> byUbigeo;

	Municipalities(MunicipalityRepository repository) {
		this.all = repository.findAllByOrderByProvinceAscKindDescNameAsc().stream().map(Municipality::toView).toList();
		this.byUbigeo = all.stream().collect(Collectors.toUnmodifiableMap(MunicipalityView::ubigeo, Function.identity()));
	}

	/** Grouped by province, the provincial municipality first. */
	public List<MunicipalityView> all() {
		return all;
	}

	/** The municipalities whose name, province or district has every word of the query (all for a blank one), by province. */
	public Map<String, List<MunicipalityView>> byProvince(String query) {
		Map<String, List<MunicipalityView>> byProvince = new LinkedHashMap<>();
		all.stream()
			.filter(m -> SearchText.matches(query, m.name(), m.province(), m.district()))
			.forEach(m -> byProvince.computeIfAbsent(m.province(), province -> new ArrayList<>()).add(m));
		return byProvince;
	}

	public Optional<MunicipalityView> find(String ubigeo) {
		return Optional.ofNullable(ubigeo).map(byUbigeo::get);
	}

	public MunicipalityView get(String ubigeo) {
		return find(ubigeo).orElseThrow(() -> new UnknownMunicipalityException(ubigeo));
	}

}
