package pe.tramita.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A municipality whose TUPA charges no fee for some procedures (a TUPA may set S/ 0.00), written straight into an
 * installation's database: its filings go to their first step without a payment order. For the tests of nodes,
 * crashes and backups, which work cases and are not about the fee; the fee's wait has tests of its own
 * ({@code PaymentOrderTests}, {@code BankFileTests}, the licence's browser journey).
 */
public final class FeeFreeTupa {

	private FeeFreeTupa() {
	}

	public static void in(Connection db, String ubigeo, String... procedures) throws SQLException {
		try (PreparedStatement free = db.prepareStatement("""
				INSERT INTO tramita.tupa_entry (ubigeo, procedure_key, term_business_days, fee_soles, approved_by,
				    updated_at, updated_by) VALUES (?, ?, 15, 0, 'Prueba: sin derecho de trámite', now(), 'pruebas')
				ON CONFLICT (ubigeo, procedure_key) DO UPDATE SET fee_soles = 0""")) {
			for (String procedure : procedures) {
				free.setString(1, ubigeo);
				free.setString(2, procedure);
				free.executeUpdate();
			}
		}
	}

}
