package pe.tramita.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.tramita.support.HttpVisitor;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/** /actuator: probes for anyone (UP or DOWN, nothing more), everything else for monitoring and administrators. */
@TramitaTest
class MonitoringAccessTests {

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Test
	void metricsNeedMonitoringsCredentialsAndSayWhatAnOperatorWatches() {
		String monitor = staff.create("t.monitor", Offices.MONITORING, Staff.CAJAMARCA);
		String clerk = staff.create("t.monitor.mesa", "mesa-de-partes", Staff.CAJAMARCA);
		HttpVisitor stranger = new HttpVisitor(port);
		for (String path : new String[] { "/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/metrics",
				"/actuator/health/db", "/actuator/env", "/actuator/prometheus;x=1", "/actuator//prometheus" }) {
			HttpResponse<String> answer = stranger.get(path);
			assertThat(answer.statusCode()).as(path).isIn(400, 401, 404);
			assertThat(answer.body()).as(path).doesNotContain("hikaricp", "jvm_memory");
		}
		assertThat(stranger.get("/actuator/prometheus").headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Basic"));
		assertThat(stranger.get("/actuator/prometheus", "Authorization", HttpVisitor.basic(clerk, Staff.PASSWORD))
			.statusCode()).as("a clerk").isEqualTo(403);

		HttpResponse<String> metrics = stranger.get("/actuator/prometheus", "Authorization",
				HttpVisitor.basic(monitor, Staff.PASSWORD));
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds", "hikaricp_connections_active{",
				"tramita_jobs_executed_total{", "tramita_jobs_due{", "tramita_jobs_without_retries{",
				"tramita_incidents_open{", "tramita_cases{", "application=\"tramita\"");
		assertThat(metrics.headers().allValues("Set-Cookie")).as("no session for a scrape").isEmpty();
		assertThat(stranger.get("/actuator/health", "Authorization", HttpVisitor.basic(monitor, Staff.PASSWORD)).body())
			.contains("\"db\"", "\"readinessState\"");
		// last: a wrong password delays this account's next logins
		assertThat(stranger.get("/actuator/prometheus", "Authorization", HttpVisitor.basic(monitor, "mala-clave"))
			.statusCode()).as("a wrong password").isEqualTo(401);
	}

	@Test
	void theProbesSayUpOrDownToAnyoneAndNothingMore() {
		HttpVisitor prober = new HttpVisitor(port);
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			HttpResponse<String> answer = prober.get(probe);
			assertThat(answer.statusCode()).as(probe).isEqualTo(200);
			assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
		}
	}

	@Test
	void aMonitoringAccountOpensNoCase() {
		String monitor = staff.create("t.monitor.only", Offices.MONITORING, Staff.CAJAMARCA);
		assertThat(new HttpVisitor(port).get("/bandeja", "Authorization", HttpVisitor.basic(monitor, Staff.PASSWORD))
			.statusCode()).isIn(302, 401, 403);
		HttpVisitor browser = HttpVisitor.loggedIn(port, monitor, Staff.PASSWORD);
		assertThat(browser.get("/bandeja").statusCode()).isEqualTo(403);
		assertThat(browser.get("/bandeja/expedientes/1").statusCode()).isEqualTo(403);
	}

}
