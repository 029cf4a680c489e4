package pe.tramita.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.LegalClock;
import pe.tramita.text.VisibleText;

/**
 * A municipality's TUPA: every procedure with the term and fee the municipality approved (TUO Ley 27444 art. 43),
 * or the {@code procedure.yml} defaults until it does, and the fee as a share of the year's UIT.
 */
@Service
public class Tupa {

	/** Evaluation procedures never exceed 30 business days unless a law says otherwise (TUO Ley 27444 art. 39). */
	static final int MAX_TERM_BUSINESS_DAYS = 30;

	private final ProcedureCatalog catalog;

	private final JdbcTemplate jdbc;

	Tupa(ProcedureCatalog catalog, JdbcTemplate jdbc) {
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	/** One procedure as the municipality's TUPA states it; {@code approvedBy} is null for the defaults. */
	public record Entry(Procedure procedure, String approvedBy, BigDecimal feeUitPercent, BigDecimal uit) {

		public boolean municipalValues() {
			return approvedBy != null;
		}

	}

	@Transactional(readOnly = true)
	public List<Entry> of(String ubigeo, int year) {
		Map<String, MunicipalValues> overrides = overrides(ubigeo);
		Optional<BigDecimal> uit = uit(year);
		return catalog.all()
			.stream()
			.filter(procedure -> !procedure.internal())
			.map(procedure -> entry(procedure, overrides.get(procedure.key()), uit))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<Entry> find(String ubigeo, String key, int year) {
		return catalog.find(key)
			.filter(procedure -> !procedure.internal())
			.map(procedure -> entry(procedure, overrides(ubigeo).get(key), uit(year)));
	}

	/** The municipality's approved term and fee for a procedure; refused beyond the legal limits. */
	@Transactional
	public void approve(String ubigeo, String key, int termBusinessDays, BigDecimal feeSoles, String approvedBy,
			String updatedBy, Instant at) {
		if (catalog.find(key).isEmpty()) {
			throw new TupaChangeRejectedException("tupa.error.procedure");
		}
		if (termBusinessDays < 1 || termBusinessDays > MAX_TERM_BUSINESS_DAYS) {
			throw new TupaChangeRejectedException("tupa.error.term");
		}
		BigDecimal uit = uit(at.atZone(TramitaApplication.LIMA).getYear()).orElse(null);
		if (feeSoles == null || feeSoles.signum() < 0 || feeSoles.scale() > 2 || uit != null && feeSoles.compareTo(uit) > 0) {
			throw new TupaChangeRejectedException("tupa.error.fee");
		}
		if (approvedBy == null || approvedBy.strip().length() < 5 || approvedBy.strip().length() > 160
				|| !VisibleText.Validator.isVisible(approvedBy)) {
			throw new TupaChangeRejectedException("tupa.error.approvedBy");
		}
		jdbc.update("""
				INSERT INTO tramita.tupa_entry (ubigeo, procedure_key, term_business_days, fee_soles, approved_by,
				    updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (ubigeo, procedure_key) DO UPDATE SET term_business_days = EXCLUDED.term_business_days,
				    fee_soles = EXCLUDED.fee_soles, approved_by = EXCLUDED.approved_by,
				    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""", ubigeo, key,
				termBusinessDays, feeSoles, approvedBy.strip(), Timestamp.from(at), updatedBy);
	}

	@Transactional(readOnly = true)
	public Optional<BigDecimal> uit(int year) {
		return jdbc.query("SELECT value_soles FROM tramita.uit WHERE year = ?", (row, n) -> row.getBigDecimal(1), year)
			.stream()
			.findFirst();
	}

	/** A fee stated as a share of the UIT, in soles: céntimos rounded half up. */
	static BigDecimal shareOf(BigDecimal uit, BigDecimal percent) {
		return uit.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
	}

	private record MunicipalValues(int termBusinessDays, BigDecimal feeSoles, String approvedBy) {
	}

	private Map<String, MunicipalValues> overrides(String ubigeo) {
		return jdbc.query("""
				SELECT procedure_key, term_business_days, fee_soles, approved_by FROM tramita.tupa_entry WHERE ubigeo = ?""",
				(row, n) -> Map.entry(row.getString(1), new MunicipalValues(row.getInt(2), row.getBigDecimal(3), row.getString(4))),
				ubigeo)
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static Entry entry(Procedure procedure, MunicipalValues override, Optional<BigDecimal> uit) {
		Procedure effective = override != null
				? procedure.withTermAndFee(override.termBusinessDays(), override.feeSoles())
				: procedure.feeUitPercent() != null && uit.isPresent()
						? procedure.withFee(shareOf(uit.get(), procedure.feeUitPercent())) : procedure;
		BigDecimal percent = uit.map(value -> effective.feeSoles()
			.multiply(BigDecimal.valueOf(100))
			.divide(value, 2, RoundingMode.HALF_UP)).orElse(null);
		return new Entry(effective, override == null ? null : override.approvedBy(), percent, uit.orElse(null));
	}

}
