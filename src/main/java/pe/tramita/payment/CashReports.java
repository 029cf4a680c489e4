package pe.tramita.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.ProcedureCatalog;

/**
 * What was collected: the day's cash report (caja diaria) of a municipality with each cashier's subtotal and the
 * banks', and the fees collected per procedure and month of a year (the costing module sets them beside the cost).
 */
@Service
public class CashReports {

	/** One payment of the day. */
	public record Collected(String receiptNumber, String channel, String orderCode, String caseNumber,
			String procedureKey, String applicantName, BigDecimal amount, String recordedBy) {
	}

	/** A cashier's (or the banks') payments of the day and their sum. */
	public record Till(String channel, String cashier, List<Collected> payments, BigDecimal total) {
	}

	public record CashDay(LocalDate day, List<Till> tills, BigDecimal total, int count) {
	}

	/** One procedure in one month: orders issued, paid, the amount collected and the amount still pending. */
	public record FeeLine(YearMonth month, String procedureKey, String procedureName, int issued, int paid,
			BigDecimal collected, BigDecimal pending) {
	}

	private final JdbcTemplate jdbc;

	private final ProcedureCatalog catalog;

	CashReports(JdbcTemplate jdbc, ProcedureCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	@Transactional(readOnly = true)
	public CashDay day(String ubigeo, LocalDate day) {
		Map<String, List<Collected>> byTill = new LinkedHashMap<>();
		jdbc.query("""
				SELECT p.receipt_number, p.channel, o.code, o.case_number, o.procedure_key, o.applicant_name,
				    p.amount, p.recorded_by
				FROM tramita.payment p JOIN tramita.payment_order o ON o.id = p.order_id
				WHERE p.ubigeo = ? AND p.paid_on = ? ORDER BY p.channel, p.recorded_by, p.recorded_at""",
				(RowCallbackHandler) row -> {
					Collected collected = new Collected(row.getString(1), row.getString(2), row.getString(3),
							row.getString(4), row.getString(5), row.getString(6), row.getBigDecimal(7),
							row.getString(8));
					String till = collected.channel().equals("CAJA") ? "CAJA " + collected.recordedBy() : "BANCO";
					byTill.computeIfAbsent(till, k -> new ArrayList<>()).add(collected);
				}, ubigeo, Date.valueOf(day));
		List<Till> tills = byTill.entrySet().stream().map(entry -> {
			Collected first = entry.getValue().get(0);
			return new Till(first.channel(), first.channel().equals("CAJA") ? first.recordedBy() : null,
					entry.getValue(), sum(entry.getValue().stream().map(Collected::amount).toList()));
		}).toList();
		return new CashDay(day, tills, sum(tills.stream().map(Till::total).toList()),
				tills.stream().mapToInt(till -> till.payments().size()).sum());
	}

	/** The fees of a year, by month (of the order) and procedure. */
	@Transactional(readOnly = true)
	public List<FeeLine> fees(String ubigeo, int year) {
		return jdbc.query("""
				SELECT extract(month FROM o.issued_at AT TIME ZONE 'America/Lima')::int AS month, o.procedure_key,
				    count(*), count(p.id), coalesce(sum(p.amount), 0),
				    coalesce(sum(o.amount) FILTER (WHERE p.id IS NULL AND o.voided_at IS NULL), 0)
				FROM tramita.payment_order o LEFT JOIN tramita.payment p ON p.order_id = o.id
				WHERE o.ubigeo = ? AND extract(year FROM o.issued_at AT TIME ZONE 'America/Lima') = ?
				GROUP BY 1, 2 ORDER BY 1, 2""",
				(row, n) -> new FeeLine(YearMonth.of(year, row.getInt(1)), row.getString(2),
						catalog.find(row.getString(2)).map(Procedure::name).orElse(row.getString(2)), row.getInt(3),
						row.getInt(4), row.getBigDecimal(5), row.getBigDecimal(6)),
				ubigeo, year);
	}

	private static BigDecimal sum(List<BigDecimal> amounts) {
		return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
