package pe.tramita.costing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.payment.CashReports;
import pe.tramita.payment.TreasuryScope;
import pe.tramita.security.StaffUser;

/**
 * The fees collected per procedure and month of a year ({@code /bandeja/caja/recaudacion}), each beside what one case
 * of the procedure costs where it has a costing (D.S. 064-2010-PCM): what the paid cases cost against what they paid.
 */
@Controller
class FeesCollectedController {

	/** A month's fees of one procedure, and one case's cost where the procedure is costed. */
	public record Row(CashReports.FeeLine fees, BigDecimal costPerCase) {

		/** What the paid cases cost the municipality, where the procedure is costed. */
		public BigDecimal costOfPaid() {
			return costPerCase == null ? null : costPerCase.multiply(BigDecimal.valueOf(fees.paid()));
		}

	}

	private final CashReports reports;

	private final Costings costings;

	private final ProcedureCatalog catalog;

	private final TreasuryScope scope;

	private final LegalClock clock;

	FeesCollectedController(CashReports reports, Costings costings, ProcedureCatalog catalog, TreasuryScope scope,
			LegalClock clock) {
		this.reports = reports;
		this.costings = costings;
		this.catalog = catalog;
		this.scope = scope;
		this.clock = clock;
	}

	@GetMapping("/bandeja/caja/recaudacion")
	String fees(@RequestParam(name = "municipio", required = false) String ubigeo,
			@RequestParam(name = "anio", required = false) Integer year, @AuthenticationPrincipal StaffUser staff,
			Model model) {
		MunicipalityView municipality = scope.forReader(ubigeo, staff);
		int thisYear = clock.today().getYear();
		int shown = year == null || year < 2000 || year > thisYear ? thisYear : year;
		Map<String, BigDecimal> costs = costings.costs(municipality.ubigeo(), catalog.all());
		List<Row> rows = reports.fees(municipality.ubigeo(), shown).stream()
			.map(line -> new Row(line, costs.get(line.procedureKey())))
			.toList();
		scope.header(model, municipality, staff);
		model.addAttribute("year", shown);
		model.addAttribute("rows", rows);
		return "payment/fees";
	}

}
