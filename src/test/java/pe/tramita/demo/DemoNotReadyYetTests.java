package pe.tramita.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * While the demo's cases are being made, pages say the demo is being prepared; monitoring is never held up. (A node
 * on a database that already has the demo answers at once: {@code ClusterTests} restarts one under load.)
 */
class DemoNotReadyYetTests {

	@Test
	void pagesWaitForTheDemoDataButProbesDoNot() throws Exception {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setDefaultLocale(new Locale("es"));
		// no engine here: while the demo is being made the filter must not need one
		DemoNotReadyYet filter = new DemoNotReadyYet(messages,
				new StaticListableBeanFactory().getBeanProvider(IdentityService.class));
		filter.creatingDemoData();

		MockHttpServletResponse early = answer(filter, "/bandeja");
		assertThat(early.getStatus()).isEqualTo(503);
		assertThat(early.getHeader("Retry-After")).isEqualTo("5");
		assertThat(early.getContentAsString()).contains("La demostración se está preparando", "http-equiv=\"refresh\"");
		assertThat(answer(filter, "/actuator/health/readiness").getStatus()).as("probes pass").isEqualTo(200);

		filter.demoDataInPlace();
		assertThat(answer(filter, "/bandeja").getStatus()).isEqualTo(200);
	}

	private static MockHttpServletResponse answer(DemoNotReadyYet filter, String path) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", path), response, new MockFilterChain());
		return response;
	}

}
