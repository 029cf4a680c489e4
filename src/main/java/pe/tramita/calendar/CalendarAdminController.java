package pe.tramita.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.tramita.municipality.Municipalities;
import pe.tramita.security.StaffUser;

/** The administrator's page for holidays and non-working days: what stops the legal clocks. */
@Controller
class CalendarAdminController {

	private final WorkingCalendar workingCalendar;

	private final Municipalities municipalities;

	private final LegalClock clock;

	CalendarAdminController(WorkingCalendar workingCalendar, Municipalities municipalities, LegalClock clock) {
		this.workingCalendar = workingCalendar;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	@GetMapping("/bandeja/calendario")
	String page(@RequestParam(name = "anio", required = false) Integer year, @AuthenticationPrincipal StaffUser user,
			Model model) {
		administrator(user);
		int shown = year == null || year < 2000 || year > 2100 ? clock.today().getYear() : year;
		model.addAttribute("year", shown);
		model.addAttribute("holidays", workingCalendar.holidays(shown));
		model.addAttribute("nonWorkingDays", workingCalendar.nonWorkingDays(shown));
		model.addAttribute("municipalities", municipalities.all());
		return "calendar/admin";
	}

	@PostMapping("/bandeja/calendario/dias")
	String declare(@RequestParam(name = "dia", required = false) String day,
			@RequestParam(name = "ubigeo", required = false) String ubigeo,
			@RequestParam(name = "nombre", required = false) String name,
			@RequestParam(name = "base", required = false) String legalBasis, @AuthenticationPrincipal StaffUser user,
			RedirectAttributes redirect) {
		administrator(user);
		LocalDate date = parse(day);
		try {
			String scope = ubigeo == null || ubigeo.isBlank() ? null : ubigeo;
			if (scope != null && municipalities.find(scope).isEmpty()) {
				throw new CalendarChangeRejectedException("calendar.error.municipality");
			}
			if (date == null) {
				throw new CalendarChangeRejectedException("calendar.error.day");
			}
			workingCalendar.declare(new WorkingCalendar.NonWorkingDay(date, scope, name, legalBasis));
			redirect.addFlashAttribute("message", "calendar.saved");
		}
		catch (CalendarChangeRejectedException e) {
			redirect.addFlashAttribute("problem", e.messageKey());
		}
		return "redirect:/bandeja/calendario" + (date == null ? "" : "?anio=" + date.getYear());
	}

	@PostMapping("/bandeja/calendario/dias/retirar")
	String withdraw(@RequestParam("dia") String day, @RequestParam(name = "ubigeo", required = false) String ubigeo,
			@AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
		administrator(user);
		LocalDate date = parse(day);
		if (date != null) {
			workingCalendar.withdraw(date, ubigeo == null || ubigeo.isBlank() ? null : ubigeo);
			redirect.addFlashAttribute("message", "calendar.withdrawn");
		}
		return "redirect:/bandeja/calendario" + (date == null ? "" : "?anio=" + date.getYear());
	}

	@PostMapping("/bandeja/calendario/feriados")
	String addHoliday(@RequestParam(name = "fecha", required = false) String monthDay,
			@RequestParam(name = "nombre", required = false) String name,
			@RequestParam(name = "desde", required = false) Integer observedSince,
			@RequestParam(name = "base", required = false) String legalBasis, @AuthenticationPrincipal StaffUser user,
			RedirectAttributes redirect) {
		administrator(user);
		try {
			workingCalendar.addHoliday(monthDay == null ? "" : monthDay.strip(), name, observedSince, legalBasis);
			redirect.addFlashAttribute("message", "calendar.saved");
		}
		catch (CalendarChangeRejectedException e) {
			redirect.addFlashAttribute("problem", e.messageKey());
		}
		return "redirect:/bandeja/calendario";
	}

	@PostMapping("/bandeja/calendario/feriados/retirar")
	String removeHoliday(@RequestParam("regla") String rule, @AuthenticationPrincipal StaffUser user,
			RedirectAttributes redirect) {
		administrator(user);
		workingCalendar.removeHoliday(rule);
		redirect.addFlashAttribute("message", "calendar.withdrawn");
		return "redirect:/bandeja/calendario";
	}

	private static void administrator(StaffUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only administrators edit the calendar");
		}
	}

	private static LocalDate parse(String day) {
		try {
			return day == null || day.isBlank() ? null : LocalDate.parse(day.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

}
