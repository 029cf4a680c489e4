package pe.tramita.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pe.tramita.security.Offices;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/** The administrator edits what stops the legal clocks; terms computed afterwards follow, other users cannot. */
@TramitaTest
class CalendarAdminTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Staff staff;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	WorkingCalendar workingCalendar;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	Authentication admin;

	@BeforeEach
	void anAdministrator() {
		admin = staff.login(Offices.ADMIN, Staff.CAJAMARCA);
	}

	@Test
	void aDayDeclaredNonWorkingForOneMunicipalityMovesOnlyItsTerms() throws Exception {
		LocalDate monday = LocalDate.of(2027, 2, 1);
		assertThat(calendar.addBusinessDays(monday, 1, Staff.BANOS)).isEqualTo(LocalDate.of(2027, 2, 2));

		String page = follow(post("/bandeja/calendario/dias").param("dia", "2027-02-02").param("ubigeo", Staff.BANOS)
			.param("nombre", "Carnaval de Los Baños del Inca").param("base", "Ordenanza Municipal 012-2027")
			.with(authentication(admin)).with(csrf()));
		assertThat(page).contains("Se guardó el cambio", "Carnaval de Los Baños del Inca", "02/02/2027");

		assertThat(calendar.addBusinessDays(monday, 1, Staff.BANOS)).isEqualTo(LocalDate.of(2027, 2, 3));
		assertThat(calendar.addBusinessDays(monday, 1, Staff.CAJAMARCA)).isEqualTo(LocalDate.of(2027, 2, 2));

		follow(post("/bandeja/calendario/dias/retirar").param("dia", "2027-02-02").param("ubigeo", Staff.BANOS)
			.with(authentication(admin)).with(csrf()));
		assertThat(calendar.addBusinessDays(monday, 1, Staff.BANOS)).isEqualTo(LocalDate.of(2027, 2, 2));
	}

	@Test
	void aRequestThatReadsTheDaysWhileTheChangeIsUncommittedDoesNotKeepTheOldOnes() throws Exception {
		LocalDate day = LocalDate.of(2027, 3, 3);
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		transaction.executeWithoutResult(status -> {
			workingCalendar.declare(new WorkingCalendar.NonWorkingDay(day, Staff.BANOS, "Día de la Identidad Bañosina",
					"Ordenanza Municipal 031-2027"));
			// another request, meanwhile, reads the committed calendar and caches it
			CompletableFuture<Boolean> meanwhile = CompletableFuture.supplyAsync(() -> calendar.isBusinessDay(day, Staff.BANOS));
			assertThat(meanwhile.join()).as("not committed yet").isTrue();
		});
		assertThat(calendar.isBusinessDay(day, Staff.BANOS)).as("after the commit").isFalse();
		workingCalendar.withdraw(day, Staff.BANOS);
		assertThat(calendar.isBusinessDay(day, Staff.BANOS)).isTrue();
	}

	@Test
	void aNationalHolidayAddedByANewLawCountsFromItsFirstYear() throws Exception {
		follow(post("/bandeja/calendario/feriados").param("fecha", "11-29").param("nombre", "Día de prueba")
			.param("desde", "2030").param("base", "Ley de prueba 99999").with(authentication(admin)).with(csrf()));

		assertThat(calendar.isBusinessDay(LocalDate.of(2029, 11, 29), Staff.CAJAMARCA)).isTrue();
		assertThat(calendar.isBusinessDay(LocalDate.of(2030, 11, 29), Staff.CAJAMARCA)).isFalse();
		assertThat(follow(get("/bandeja/calendario").param("anio", "2030").with(authentication(admin))))
			.contains("Días hábiles 2030", "Día de prueba", "29/11/2030");

		follow(post("/bandeja/calendario/feriados/retirar").param("regla", "11-29").with(authentication(admin))
			.with(csrf()));
		assertThat(calendar.isBusinessDay(LocalDate.of(2030, 11, 29), Staff.CAJAMARCA)).isTrue();
	}

	@Test
	void badInputIsRefusedWithItsReasonAndNothingIsSaved() throws Exception {
		int before = jdbc.queryForObject("SELECT count(*) FROM tramita.non_working_day WHERE extract(year FROM day) = 2027", Integer.class);
		assertThat(follow(post("/bandeja/calendario/dias").param("dia", "2027-13-40").param("nombre", "Día")
			.param("base", "Decreto").with(authentication(admin)).with(csrf()))).contains("Indique un día válido");
		assertThat(follow(post("/bandeja/calendario/dias").param("dia", "2027-03-01").param("nombre", "x")
			.param("base", "Decreto Supremo 001").with(authentication(admin)).with(csrf()))).contains("Escriba el nombre");
		assertThat(follow(post("/bandeja/calendario/dias").param("dia", "2027-03-01").param("ubigeo", "999999")
			.param("nombre", "Día cívico").param("base", "Decreto Supremo 001").with(authentication(admin)).with(csrf())))
			.contains("La municipalidad no existe");
		assertThat(follow(post("/bandeja/calendario/feriados").param("fecha", "13-45").param("nombre", "Feriado")
			.param("base", "Ley 1").with(authentication(admin)).with(csrf()))).contains("MM-DD");
		assertThat(follow(post("/bandeja/calendario/feriados").param("fecha", "12-25").param("nombre", "Navidad otra vez")
			.param("base", "Ley 1").with(authentication(admin)).with(csrf()))).contains("ya está en el calendario");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tramita.non_working_day WHERE extract(year FROM day) = 2027", Integer.class)).isEqualTo(before);
		assertThat(workingCalendar.holidays(2027)).hasSize(16);
	}

	@Test
	void onlyAdministratorsEditTheCalendar() throws Exception {
		Authentication manager = staff.login("gerencia", Staff.CAJAMARCA);
		mvc.perform(get("/bandeja/calendario").with(authentication(manager))).andExpect(status().isForbidden());
		mvc.perform(post("/bandeja/calendario/dias").param("dia", "2027-03-02").param("nombre", "Día cívico")
			.param("base", "Decreto Supremo 001").with(authentication(manager)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/bandeja/calendario/feriados/retirar").param("regla", "12-25").with(authentication(manager))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(calendar.isBusinessDay(LocalDate.of(2027, 3, 2), null)).isTrue();
		assertThat(calendar.isBusinessDay(LocalDate.of(2027, 12, 25), null)).isFalse();
	}

	/** The page after the redirect, with its flash message, as the administrator sees it. */
	private String follow(RequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request).andReturn();
		if (result.getResponse().getRedirectedUrl() != null) {
			result = mvc.perform(get(result.getResponse().getRedirectedUrl()).cookie(result.getResponse().getCookies())
				.with(authentication(admin))).andReturn();
		}
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

}
