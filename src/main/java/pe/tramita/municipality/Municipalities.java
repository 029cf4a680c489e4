package pe.tramita.municipality;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.text.SearchText;

/**
 * The municipalities served by this deployment. Each is a Camunda tenant whose id is its UBIGEO. The list is small
 * and changes only through migrations, so it is read once.
 */
@Service
public class Municipalities {

	private final List<MunicipalityView> all;

	private final Map<String, MunicipalityView> byUbigeo;

	private final JdbcTemplate jdbc;

	Municipalities(MunicipalityRepository repository, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
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

	/** Read on each use: management may change it on any node at any time. */
	public PublicService publicService(String ubigeo) {
		return jdbc.query("""
				SELECT service_address, service_hours, service_phone, service_email FROM tramita.municipality
				WHERE ubigeo = ?""", rs -> rs.next() ? new PublicService(rs.getString(1), rs.getString(2),
				rs.getString(3), rs.getString(4)) : PublicService.NONE, ubigeo);
	}

	/** What management publishes, as given (blank parts saved as none); who and when are kept with it. */
	@Transactional
	public void publish(String ubigeo, PublicService service, String by, Instant at) {
		get(ubigeo);
		jdbc.update("""
				UPDATE tramita.municipality SET service_address = ?, service_hours = ?, service_phone = ?,
				       service_email = ?, service_updated_at = ?, service_updated_by = ?
				WHERE ubigeo = ?""", orNull(service.address()), orNull(service.hours()), orNull(service.phone()),
				orNull(service.email()), Timestamp.from(at), by, ubigeo);
	}

	private static String orNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public Optional<MunicipalityView> find(String ubigeo) {
		return Optional.ofNullable(ubigeo).map(byUbigeo::get);
	}

	public MunicipalityView get(String ubigeo) {
		return find(ubigeo).orElseThrow(() -> new UnknownMunicipalityException(ubigeo));
	}

}
