package pe.tramita.certificate;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import pe.tramita.calendar.LegalClock;
import pe.tramita.database.CacheGenerations;
import pe.tramita.text.VisibleText;

/**
 * Who signs each municipality's documents and its coat of arms; an office may have its own signatory for what it
 * decides (the transparency officer, say). Read on every issuance, so kept in memory.
 */
@Component
class Signatories {

	static final int MAX_IMAGE_BYTES = 1024 * 1024;

	static final String CACHE_TOPIC = "signatories";

	private final JdbcTemplate jdbc;

	private final LegalClock clock;

	private final Map<String, Signatory> cache = new ConcurrentHashMap<>();

	private final CacheGenerations generations;

	Signatories(JdbcTemplate jdbc, LegalClock clock, CacheGenerations generations) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.generations = generations;
		generations.whenChanged(CACHE_TOPIC, cache::clear);
	}

	Signatory of(String ubigeo) {
		return cache.computeIfAbsent(ubigeo, this::load);
	}

	/** The office's own signatory under the municipality's coat of arms, or the municipality's signatory. */
	Signatory of(String ubigeo, String office) {
		Signatory municipal = of(ubigeo);
		if (office == null) {
			return municipal;
		}
		Signatory own = cache.computeIfAbsent(ubigeo + "/" + office, key -> loadForOffice(ubigeo, office));
		return own == Signatory.NONE ? municipal
				: new Signatory(own.officerName(), own.officerTitle(), municipal.coatOfArms());
	}

	/** The offices with a signatory of their own, by office id. */
	Map<String, Signatory> ofOffices(String ubigeo) {
		Map<String, Signatory> offices = new TreeMap<>();
		jdbc.query("""
				SELECT office, officer_name, officer_title FROM tramita.certificate_office_signatory WHERE ubigeo = ?""",
				(RowCallbackHandler) rs -> offices.put(rs.getString(1),
						new Signatory(rs.getString(2), rs.getString(3), null)),
				ubigeo);
		return offices;
	}

	/** An office's own signatory; a blank name and title remove it (the municipality's signs again). */
	@Transactional
	void saveForOffice(String ubigeo, String office, String officerName, String officerTitle, String updatedBy) {
		if ((officerName == null || officerName.isBlank()) && (officerTitle == null || officerTitle.isBlank())) {
			jdbc.update("DELETE FROM tramita.certificate_office_signatory WHERE ubigeo = ? AND office = ?", ubigeo,
					office);
		}
		else {
			if (!fits(officerName) || !fits(officerTitle)) {
				throw new CertificateChangeRejectedException("certificates.signatory.error.name");
			}
			jdbc.update("""
					INSERT INTO tramita.certificate_office_signatory (ubigeo, office, officer_name, officer_title,
					    updated_at, updated_by)
					VALUES (?, ?, ?, ?, ?, ?)
					ON CONFLICT (ubigeo, office) DO UPDATE SET officer_name = EXCLUDED.officer_name,
					    officer_title = EXCLUDED.officer_title, updated_at = EXCLUDED.updated_at,
					    updated_by = EXCLUDED.updated_by""", ubigeo, office, officerName.strip(), officerTitle.strip(),
					Timestamp.from(clock.now().toInstant()), updatedBy);
		}
		generations.changed(CACHE_TOPIC);
		forgetAfterCommit(ubigeo + "/" + office);
	}

	private Signatory loadForOffice(String ubigeo, String office) {
		return jdbc.query("""
				SELECT officer_name, officer_title FROM tramita.certificate_office_signatory
				WHERE ubigeo = ? AND office = ?""", (rs, row) -> new Signatory(rs.getString(1), rs.getString(2), null),
				ubigeo, office)
			.stream()
			.findFirst()
			.orElse(Signatory.NONE);
	}

	/** {@code coatOfArms} null keeps the current image; an image PDFBox cannot embed is refused here, not at issuance. */
	@Transactional
	void save(String ubigeo, String officerName, String officerTitle, byte[] coatOfArms, String updatedBy) {
		if (!fits(officerName) || !fits(officerTitle)) {
			throw new CertificateChangeRejectedException("certificates.signatory.error.name");
		}
		if (coatOfArms != null && !embeddable(coatOfArms)) {
			throw new CertificateChangeRejectedException("certificates.signatory.error.image");
		}
		jdbc.update("""
				INSERT INTO tramita.certificate_signatory (ubigeo, officer_name, officer_title, coat_of_arms, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (ubigeo) DO UPDATE SET officer_name = EXCLUDED.officer_name,
				    officer_title = EXCLUDED.officer_title,
				    coat_of_arms = COALESCE(EXCLUDED.coat_of_arms, certificate_signatory.coat_of_arms),
				    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""", ubigeo, officerName,
				officerTitle, coatOfArms, Timestamp.from(clock.now().toInstant()), updatedBy);
		generations.changed(CACHE_TOPIC);
		forgetAfterCommit(ubigeo);
	}

	private void forgetAfterCommit(String key) {
		cache.remove(key);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				cache.remove(key);
			}
		});
	}

	private static boolean fits(String text) {
		return text != null && !text.isBlank() && text.length() <= 120 && VisibleText.Validator.isVisible(text);
	}

	private static boolean embeddable(byte[] image) {
		if (image.length > MAX_IMAGE_BYTES) {
			return false;
		}
		try (PDDocument scratch = new PDDocument()) {
			PDImageXObject embedded = PDImageXObject.createFromByteArray(scratch, image, "escudo");
			return embedded.getWidth() > 0 && embedded.getHeight() > 0;
		}
		catch (IOException | IllegalArgumentException e) {
			return false;
		}
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
