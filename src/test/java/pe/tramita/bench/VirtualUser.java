package pe.tramita.bench;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pe.tramita.TramitaApplication;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;

/**
 * One citizen with a cashier and three clerks of Cajamarca (the demo profile's tesorería, mesa de partes, licencias
 * and gerencia), each in their own logged-in session, taking licence cases from application and payment to downloaded
 * certificate the way the pages are used.
 */
class VirtualUser implements Load.Worker {

	private static final String PROCEDURE = "/m/060101/tramites/licencia-funcionamiento";

	private static final Pattern CASE_NUMBER = Pattern.compile("id=\"case-number\">([^<]+)<");

	private static final Pattern ACCESS_CODE = Pattern.compile("id=\"access-code\">([^<]+)<");

	private static final Pattern PAYMENT_CODE = Pattern.compile("id=\"codigo-pago\"[^>]*>([0-9 ]+)<");

	private static final Pattern FEE = Pattern.compile("id=\"monto-pago\"[^>]*>S/ ([0-9.,]+)<");

	private static final AtomicLong RECEIPTS = new AtomicLong();

	private static final Pattern CERTIFICATE = Pattern.compile("/verificar/([A-Z2-9]{5}-[A-Z2-9]{5})/pdf");

	private final int port;

	private final byte[] declaration;

	private final WebSession reception;

	private final WebSession cashier;

	private final WebSession licensing;

	private final WebSession manager;

	private final StepTimes times;

	/** The pages of this user's last case, as its citizen saw them. */
	record CitizenPages(WebSession citizen, String receipt, String status, String certificate) {
	}

	private volatile CitizenPages last;

	VirtualUser(int port, byte[] declaration, String password, StepTimes times) throws Exception {
		this.port = port;
		this.times = times;
		this.declaration = declaration;
		this.reception = login("mesa.cajamarca", password);
		this.cashier = login("tesoreria.cajamarca", password);
		this.licensing = login("licencias.cajamarca", password);
		this.manager = login("gerente.cajamarca", password);
	}

	/** One licence, from the citizen's form and the fee's payment to the certificate's PDF. */
	@Override
	public void completeOneCase() throws Exception {
		WebSession citizen = new WebSession(port);
		times.time("1 citizen: open the form", () -> citizen.get(PROCEDURE + "/solicitud"));
		String receiptPath = times.time("2 citizen: submit application", () -> WebSession.location(citizen.postMultipart(
				PROCEDURE + "/solicitud", Applications.formFields(RiskLevel.BAJO), "documento-declaracion-itse", "dj.pdf", declaration)));
		String receipt = times.time("3 citizen: receipt page", () -> citizen.get(receiptPath));
		String caseNumber = find(CASE_NUMBER, receipt);
		String accessCode = find(ACCESS_CODE, receipt);
		// the citizen pays the fee at the cashier, who finds the order and records it: the case goes to reception
		String paymentCode = find(PAYMENT_CODE, receipt).replace(" ", "");
		times.time("3b cashier: find the order", () -> cashier.get("/bandeja/caja?q=" + paymentCode));
		times.time("3c cashier: record the payment", () -> WebSession.location(cashier.post("/bandeja/caja/pagos",
				Map.of("codigo", paymentCode, "recibo", "B" + RECEIPTS.incrementAndGet() + "-" + caseNumber,
						"monto", find(FEE, receipt).replace(",", ""), "fecha",
						LocalDate.now(TramitaApplication.LIMA).toString()))));

		work(reception, caseNumber, Map.of("requisitosCompletos", "true"));
		work(licensing, caseNumber, Map.of("nivelRiesgo", "BAJO"));
		work(manager, caseNumber, Map.of("aprobado", "true", "fundamento", "Cumple los requisitos del TUPA."));

		times.time("8 citizen: lookup page", () -> citizen.get("/consulta"));
		String statusPath = times.time("9 citizen: look up", () -> WebSession.location(citizen
			.post("/consulta", Map.of("expediente", caseNumber, "codigo", accessCode))));
		String status = times.time("10 citizen: status page", () -> citizen.get(statusPath));
		String code = find(CERTIFICATE, status);
		byte[] pdf = times.time("11 citizen: certificate PDF", () -> citizen.getBytes("/verificar/" + code + "/pdf"));
		if (pdf.length < 1000) {
			throw new IllegalStateException("certificate of " + caseNumber + " too small");
		}
		last = new CitizenPages(citizen, receiptPath, statusPath, "/verificar/" + code);
	}

	CitizenPages last() {
		return last;
	}

	/** What a clerk does for one step: open the list, claim the case's task, open it, complete it. */
	private void work(WebSession clerk, String caseNumber, Map<String, String> answers) throws Exception {
		String list = times.time("4 clerk: task list",
				() -> clerk.get("/bandeja?vista=oficina&buscar=" + caseNumber));
		int row = list.indexOf(">" + caseNumber + "<");
		if (row < 0) {
			throw new IllegalStateException(caseNumber + " not in the task list");
		}
		int link = list.lastIndexOf("/bandeja/tareas/", row);
		String taskPath = list.substring(link, list.indexOf('"', link));
		times.time("5 clerk: claim", () -> WebSession.location(clerk.post(taskPath + "/reclamar", Map.of())));
		times.time("6 clerk: task page", () -> clerk.get(taskPath));
		String next = times.time("7 clerk: complete the step",
				() -> WebSession.location(clerk.post(taskPath + "/completar", answers)));
		if (!next.equals("/bandeja")) {
			throw new IllegalStateException("completing " + taskPath + " led to " + next);
		}
	}

	private WebSession login(String user, String password) throws Exception {
		WebSession session = new WebSession(port);
		session.get("/ingresar");
		String next = WebSession.location(session.post("/ingresar", Map.of("username", user, "password", password)));
		if (!next.equals("/bandeja")) {
			throw new IllegalStateException(user + " could not log in: sent to " + next);
		}
		return session;
	}

	private static String find(Pattern pattern, String page) {
		Matcher m = pattern.matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("page lacks " + pattern);
		}
		return m.group(1);
	}

}
