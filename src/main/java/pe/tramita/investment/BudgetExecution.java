package pe.tramita.investment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.calendar.LegalClock;
import pe.tramita.security.StaffUser;

/**
 * A year's investment execution month by month, two ways side by side: as the official accounts give it (imported)
 * and as the year's projects in Tramita add up (each procurement counted from the day it reached each stage), so the
 * municipality sees whether its projects and its accounts agree.
 */
@Service
public class BudgetExecution {

	private final JdbcTemplate jdbc;

	private final LegalClock clock;

	BudgetExecution(JdbcTemplate jdbc, LegalClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A month's figures as the official accounts give them, accumulated at its end. */
	public record Official(BigDecimal budgeted, BigDecimal certified, BigDecimal committed, BigDecimal paid) {
	}

	/** One month: the official figures (null when not imported) and Tramita's, accumulated at the month's end. */
	public record Month(int month, Official official, BigDecimal budgeted, BigDecimal certified,
			BigDecimal committed, BigDecimal paid) {

		/** Paid over budgeted by the official accounts (null without them or without a budget). */
		public Double officialShare() {
			return official == null || official.budgeted().signum() == 0 ? null
					: official.paid().divide(official.budgeted(), 4, RoundingMode.HALF_UP).doubleValue();
		}

		/** Paid over budgeted by the projects in Tramita (null without a project). */
		public Double share() {
			return budgeted.signum() == 0 ? null : paid.divide(budgeted, 4, RoundingMode.HALF_UP).doubleValue();
		}

	}

	/** The year asked for when it is a sensible one (2000 to the current), else the current one. */
	public int year(Integer asked) {
		int current = clock.today().getYear();
		return asked == null || asked < 2000 || asked > current ? current : asked;
	}

	/** The year's twelve months (up to the current one in the current year), given the municipality's projects. */
	@Transactional(readOnly = true)
	public List<Month> of(String ubigeo, int year, List<Project> municipalityProjects) {
		Map<Integer, Official> official = new HashMap<>();
		jdbc.query("SELECT * FROM tramita.budget_execution WHERE ubigeo = ? AND year = ?",
				rs -> {
					official.put(rs.getInt("month"), new Official(rs.getBigDecimal("budgeted"),
							rs.getBigDecimal("certified"), rs.getBigDecimal("committed"), rs.getBigDecimal("paid")));
				}, ubigeo, year);
		List<Project> ofYear = municipalityProjects.stream().filter(p -> p.year() == year).toList();
		List<Procurement> all = ofYear.stream().flatMap(p -> p.procurements().stream()).toList();
		BigDecimal budgeted = sum(ofYear.stream().map(Project::budget).toList());
		LocalDate today = clock.today();
		int last = year < today.getYear() ? 12 : year == today.getYear() ? today.getMonthValue() : 0;
		List<Month> months = new ArrayList<>();
		for (int month = 1; month <= last; month++) {
			LocalDate end = YearMonth.of(year, month).atEndOfMonth();
			months.add(new Month(month, official.get(month), budgeted,
					reached(all, Procurement::certifiedOn, end), reached(all, Procurement::committedOn, end),
					reached(all, Procurement::paidOn, end)));
		}
		return months;
	}

	/** Imports the file's months for the year, all or nothing; answers the problems (nothing saved when any). */
	@Transactional
	public List<ExecutionFile.Problem> importFile(String ubigeo, int year, String file, StaffUser by) {
		ExecutionFile.Result read = ExecutionFile.read(file);
		if (!read.problems().isEmpty()) {
			return read.problems();
		}
		for (ExecutionFile.Month m : read.months()) {
			jdbc.update("""
					INSERT INTO tramita.budget_execution (ubigeo, year, month, budgeted, certified, committed, paid,
					    imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (ubigeo, year, month) DO UPDATE SET budgeted = EXCLUDED.budgeted,
					    certified = EXCLUDED.certified, committed = EXCLUDED.committed, paid = EXCLUDED.paid,
					    imported_by = EXCLUDED.imported_by, imported_at = EXCLUDED.imported_at""", ubigeo, year,
					m.month(), m.budgeted(), m.certified(), m.committed(), m.paid(), by.id(),
					Timestamp.from(clock.instant()));
		}
		return List.of();
	}

	private static BigDecimal reached(List<Procurement> procurements, Function<Procurement, LocalDate> stage,
			LocalDate end) {
		return sum(procurements.stream().filter(p -> stage.apply(p) != null && !stage.apply(p).isAfter(end)
				&& p.amount() != null).map(Procurement::amount).toList());
	}

	private static BigDecimal sum(List<BigDecimal> amounts) {
		return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

}
