package pe.tramita.certificate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.calendar.LegalClock;

/** Who signs each municipality's documents and its coat of arms; read on every issuance, so kept in memory. */
@Component
class Signatories {

	private final JdbcTemplate jdbc;

	private final LegalClock clock;

	private final Map<String, Signatory> cache = new ConcurrentHashMap<>();

	Signatories(JdbcTemplate jdbc, LegalClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Signatory of(String ubigeo) {
		return cache.computeIfAbsent(ubigeo, this::load);
	}

	/** {@code coatOfArms} null keeps the current image. */
	@Transactional
	void save(String ubigeo, String officerName, String officerTitle, byte[] coatOfArms, String updatedBy) {
		jdbc.update("""
				INSERT INTO tramita.certificate_signatory (ubigeo, officer_name, officer_title, coat_of_arms, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (ubigeo) DO UPDATE SET officer_name = EXCLUDED.officer_name,
				    officer_title = EXCLUDED.officer_title,
				    coat_of_arms = COALESCE(EXCLUDED.coat_of_arms, certificate_signatory.coat_of_arms),
				    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""", ubigeo, officerName,
				officerTitle, coatOfArms, java.sql.Timestamp.from(clock.now().toInstant()), updatedBy);
		cache.remove(ubigeo);
	}

	private Signatory load(String ubigeo) {
		return jdbc.query("""
				SELECT officer_name, officer_title, coat_of_arms FROM tramita.certificate_signatory WHERE ubigeo = ?""",
				(rs, row) -> new Signatory(rs.getString(1), rs.getString(2), rs.getBytes(3)), ubigeo)
			.stream()
			.findFirst()
			.orElse(Signatory.NONE);
	}

}
