package pe.tramita.payment;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.Procedure;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.municipality.Municipalities;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffUser;
import pe.tramita.web.NotFoundException;

/**
 * Who works the treasury's pages: the cashier's office (Tesorería) records payments and imports bank files;
 * management, supervision and advisors also read the cash report and the fees collected. A municipality outside the
 * staff member's reach is "not found", as if it did not exist; a page not of their office is denied.
 */
@Component
public class TreasuryScope {

	private final Municipalities municipalities;

	private final ProcedureCatalog catalog;

	private final LegalClock clock;

	TreasuryScope(Municipalities municipalities, ProcedureCatalog catalog, LegalClock clock) {
		this.municipalities = municipalities;
		this.catalog = catalog;
		this.clock = clock;
	}

	MunicipalityView forCashier(String ubigeo, StaffUser staff) {
		return municipality(ubigeo, staff, Set.of(Offices.TESORERIA));
	}

	public MunicipalityView forReader(String ubigeo, StaffUser staff) {
		return municipality(ubigeo, staff, Offices.TREASURY_READERS);
	}

	/** What every treasury page's header shows (templates payment/fragments :: header). */
	public void header(Model model, MunicipalityView municipality, StaffUser staff) {
		model.addAttribute("municipality", municipality);
		model.addAttribute("municipalities", municipalities.all().stream().filter(m -> staff.worksIn(m.ubigeo()))
			.toList());
		model.addAttribute("cashier", staff.isAdmin() || staff.offices().contains(Offices.TESORERIA));
		model.addAttribute("today", clock.today());
		model.addAttribute("procedureNames", catalog.all().stream()
			.collect(Collectors.toMap(Procedure::key, Procedure::name)));
	}

	/** The municipality asked for, else the staff member's first (an administrator's: the first of all). */
	private MunicipalityView municipality(String ubigeo, StaffUser staff, Set<String> offices) {
		String wanted = ubigeo != null && !ubigeo.isBlank() ? ubigeo
				: staff.municipalities().stream().sorted().findFirst()
					.orElse(staff.isAdmin() ? municipalities.all().get(0).ubigeo() : null);
		if (wanted == null || !staff.reaches(wanted)) {
			throw new NotFoundException("municipality " + wanted);
		}
		if (!staff.isAdmin() && staff.offices().stream().noneMatch(offices::contains)) {
			throw new AccessDeniedException("The treasury's pages are for its staff");
		}
		return municipalities.find(wanted).orElseThrow(() -> new NotFoundException("municipality " + wanted));
	}

}
