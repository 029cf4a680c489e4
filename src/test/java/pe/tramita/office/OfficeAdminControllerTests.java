package pe.tramita.office;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import pe.tramita.municipality.Municipalities;
import pe.tramita.security.Offices;
import pe.tramita.security.StaffMenu;
import pe.tramita.security.StaffUser;

/**
 * The offices page's controller alone, in a web slice that starts in seconds: what each request asks of the
 * directory and where it leads, given the directory's answers. The whole journey, on the real engine and database,
 * is OfficeAdminTests.
 */
@WebMvcTest(OfficeAdminController.class)
@Import(StaffMenu.class)
class OfficeAdminControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OfficeDirectory offices;

	@MockitoBean
	Municipalities municipalities;

	@Test
	void aCreatedOfficeLeadsToItsPage() throws Exception {
		mvc.perform(post("/bandeja/oficinas").param("id", " registro-civil ").param("nombre", "Registro Civil")
			.param("ubigeo", "060101").with(as(Offices.ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/bandeja/oficinas/registro-civil"))
			.andExpect(flash().attribute("message", "office.created"));
		verify(offices).create(" registro-civil ", "Registro Civil", List.of("060101"));
	}

	@Test
	void aRefusalComesBackAsItsReason() throws Exception {
		doThrow(new OfficeChangeRejectedException("office.error.exists")).when(offices)
			.create(eq("mesa-de-partes"), any(), any());
		mvc.perform(post("/bandeja/oficinas").param("id", "mesa-de-partes").param("nombre", "Otra")
			.with(as(Offices.ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/bandeja/oficinas"))
			.andExpect(flash().attribute("problem", "office.error.exists"));
	}

	@Test
	void aMemberOfAnOfficeThatDoesNotExistIsNotFound() throws Exception {
		when(offices.find("no-existe")).thenReturn(Optional.empty());
		mvc.perform(post("/bandeja/oficinas/no-existe/miembros").param("usuario", "mesa").with(as(Offices.ADMIN))
			.with(csrf()))
			.andExpect(status().isNotFound());
		verify(offices, never()).addMember(any(), any());
	}

	@Test
	void aClerkIsRefused() throws Exception {
		mvc.perform(post("/bandeja/oficinas").param("id", "oficina").param("nombre", "Oficina")
			.with(as("mesa-de-partes")).with(csrf()))
			.andExpect(status().isForbidden());
		verify(offices, never()).create(any(), any(), any());
	}

	private static RequestPostProcessor as(String office) {
		StaffUser user = new StaffUser("t." + office, "Prueba", Set.of(office), Set.of("060101"));
		return authentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
	}

}
