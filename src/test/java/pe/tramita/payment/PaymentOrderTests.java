package pe.tramita.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.BusinessCalendar;
import pe.tramita.calendar.LegalClock;
import pe.tramita.calendar.ProcessDeadlines;
import pe.tramita.catalog.Tupa;
import pe.tramita.certificate.Certificates;
import pe.tramita.request.ExpedienteStatus;
import pe.tramita.request.Expedientes;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.request.TimelineEntry;
import pe.tramita.support.Applications;
import pe.tramita.support.CaseSteps;
import pe.tramita.support.PdfChecks;
import pe.tramita.support.Staff;
import pe.tramita.support.TestTime;
import pe.tramita.support.TramitaTest;

/**
 * Chontalí charges S/ 98.40 for the business licence: a filing gets an order for that amount, named in the receipt and
 * the filing's message; the case waits for the payment and its legal term starts then; the cashier's payment with
 * another amount is refused with the reason, the right one advances the case, a second one is refused; unpaid in its
 * term, the filing is treated as not submitted and its order voided.
 */
@TramitaTest
class PaymentOrderTests {

	static final String CHONTALI = "060803";

	static final BigDecimal FEE = new BigDecimal("98.40");

	@Autowired
	MockMvc mvc;

	@Autowired
	Applications applications;

	@Autowired
	PaymentOrders orders;

	@Autowired
	Tupa tupa;

	@Autowired
	Staff staff;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	Expedientes expedientes;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	LegalClock clock;

	@Autowired
	CaseSteps steps;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Certificates certificates;

	@AfterEach
	void realTime() {
		TestTime.reset();
	}

	private void chontaliCharges(BigDecimal fee) {
		tupa.approve(CHONTALI, "licencia-funcionamiento", 10, fee, "Ordenanza Municipal 004-2026-MDCH", "t.gerencia",
				clock.instant());
	}

	@Test
	void aFilingGetsAnOrderForItsMunicipalitysFeeOrForItsShareOfTheUitOrNoneWhenFree() throws Exception {
		chontaliCharges(FEE);
		Filing filing = applications.fileUnpaidLicence(CHONTALI, RiskLevel.BAJO);
		PaymentOrder order = orders.forCaseNumber(filing.caseNumber()).orElseThrow();
		assertThat(order.amount()).isEqualByComparingTo(FEE);
		assertThat(order.code()).isEqualTo(PaymentCode.of(filing.caseNumber())).hasSize(15)
			.startsWith(CHONTALI + filing.caseNumber().substring(9, 11));
		assertThat(order.status()).isEqualTo("PENDIENTE");
		assertThat(order.payBy()).isEqualTo(calendar.addBusinessDays(clock.today(), 2, CHONTALI));
		// the filing's message says what to pay, with which code, by when
		String message = jdbc.queryForObject("SELECT body_text FROM tramita.notification WHERE case_number = ? "
				+ "AND kind = 'PRESENTADO'", String.class, filing.caseNumber());
		assertThat(message.replaceAll("\\s+", " ")).contains("S/ 98.40", order.groupedCode());

		// Modalidad B's reference fee is 4.5 % of the UIT: S/ 247.50 of 2026's S/ 5,500
		Filing building = applications.fileUnpaidBuildingLicence(CHONTALI, "b", 180).filing();
		assertThat(orders.forCaseNumber(building.caseNumber()).orElseThrow().amount())
			.isEqualByComparingTo(tupa.uit(clock.today().getYear()).orElseThrow().multiply(new BigDecimal("0.045")));

		// a complaint costs nothing: no order, straight to reception
		Filing complaint = applications.fileComplaint(CHONTALI);
		assertThat(orders.forCaseNumber(complaint.caseNumber())).isEmpty();
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(complaint.caseNumber()).count()).isOne();
		// nor does a licence where the municipality set the fee at S/ 0.00
		chontaliCharges(BigDecimal.ZERO);
		Filing free = applications.fileUnpaidLicence(CHONTALI, RiskLevel.BAJO);
		assertThat(orders.forCaseNumber(free.caseNumber())).isEmpty();
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(free.caseNumber())
			.taskDefinitionKey("reviewRequirements").count()).isOne();
		chontaliCharges(FEE);
	}

	@Test
	void theCaseWaitsForThePaymentAndItsLegalTermRunsFromIt() throws Exception {
		chontaliCharges(FEE);
		TestTime.set(lima(2026, 12, 14, 10)); // a Monday
		Filing filing = applications.fileUnpaidLicence(CHONTALI, RiskLevel.BAJO);
		String instance = expedientes.findByCaseNumber(filing.caseNumber()).orElseThrow().processInstanceId();
		int term = calendar.businessDaysBetween(LocalDate.of(2026, 12, 14), filing.dueDate(), CHONTALI);
		assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).as("nobody works it unpaid")
			.isZero();
		assertThat(runtimeService.getActiveActivityIds(instance)).contains("awaitPayment");
		assertThat(steps.statusPage(filing)).contains("Esperando el pago del derecho de trámite", "S/ 98.40",
				PaymentCode.grouped(PaymentCode.of(filing.caseNumber())));

		TestTime.set(lima(2026, 12, 16, 9)); // paid two business days later, on its last day to pay
		Authentication cashier = staff.login("tesoreria", CHONTALI);
		MockHttpServletResponse wrong = pay(cashier, filing.caseNumber(), "R-0001", "89.40", "2026-12-16");
		assertThat(wrong.getStatus()).isEqualTo(422);
		assertThat(wrong.getContentAsString()).contains("El monto S/ 89.40 no coincide con el de la orden, S/ 98.40.");
		assertThat(orders.forCaseNumber(filing.caseNumber()).orElseThrow().pending()).isTrue();
		assertThat(runtimeService.getActiveActivityIds(instance)).contains("awaitPayment");

		MockHttpServletResponse paid = pay(cashier, filing.caseNumber(), "R-0001", "98.40", "2026-12-16");
		assertThat(paid.getStatus()).isEqualTo(302);
		assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("reviewRequirements")
			.count()).isOne();
		LocalDate due = calendar.addBusinessDays(LocalDate.of(2026, 12, 16), term, CHONTALI);
		assertThat(expedientes.findByCaseNumber(filing.caseNumber()).orElseThrow().dueDate())
			.as("the term's %d business days from the payment, not from the filing", term).isEqualTo(due)
			.isAfter(filing.dueDate());
		assertThat(managementService.createJobQuery().processInstanceId(instance)
			.activityId(ProcessDeadlines.LEGAL_TERM_TIMER).singleResult().getDuedate())
			.isEqualTo(LegalClock.endOfDay(due));

		MockHttpServletResponse again = pay(cashier, filing.caseNumber(), "R-0002", "98.40", "2026-12-16");
		assertThat(again.getStatus()).isEqualTo(422);
		assertThat(again.getContentAsString()).contains("La orden ya está pagada (recibo R-0001, del 16/12/2026)");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tramita.payment p JOIN tramita.payment_order o "
				+ "ON o.id = p.order_id WHERE o.case_number = ?", Integer.class, filing.caseNumber())).isOne();
		assertThat(jdbc.queryForList("SELECT action FROM tramita.payment_audit a JOIN tramita.payment_order o "
				+ "ON o.id = a.order_id WHERE o.case_number = ? ORDER BY a.id", String.class, filing.caseNumber()))
			.containsExactly("RECHAZADO", "PAGADO", "RECHAZADO");

		// the citizen: paid, and the signed receipt of payment
		assertThat(steps.statusPage(filing)).contains("Pagado", "Se recibió el pago del derecho de trámite")
			.doesNotContain("Esperando el pago");
		byte[] receipt = mvc.perform(post("/consulta/pago").with(csrf()).param("expediente", filing.caseNumber())
			.param("codigo", filing.accessCode())).andReturn().getResponse().getContentAsByteArray();
		assertThat(PdfChecks.text(receipt)).contains("Constancia de pago", filing.caseNumber(), "S/ 98.40",
				"R-0001", "16/12/2026");
		assertThat(PdfChecks.pdfsig(receipt)).contains("Signature Validation: Signature is Valid.");
		assertThat(mvc.perform(post("/consulta/pago").with(csrf()).param("expediente", filing.caseNumber())
			.param("codigo", "AAAA-BBBB-CCCC")).andReturn().getResponse().getStatus()).isEqualTo(404);

		// the day's cash report and the fees collected count it once
		String day = mvc.perform(get("/bandeja/caja/diaria?fecha=2026-12-16").with(authentication(cashier)))
			.andReturn().getResponse().getContentAsString();
		assertThat(day).contains("R-0001", filing.caseNumber(), "1 pago, S/ 98.40 en total");
		String fees = mvc.perform(get("/bandeja/caja/recaudacion?anio=2026").with(authentication(
				staff.login("gerencia", CHONTALI)))).andReturn().getResponse().getContentAsString();
		assertThat(fees).contains("Licencia de Funcionamiento", "S/ 98.40");
	}

	@Test
	void anAutomaticApprovalIsIssuedWhenTheFeeIsPaidNotBefore() {
		Filing filing = applications.fileUnpaidBuildingLicence(CHONTALI, "a", 90).filing();
		long id = expedientes.findByCaseNumber(filing.caseNumber()).orElseThrow().id();
		assertThat(certificates.findForCase(id)).as("no licence while the fee is unpaid").isEmpty();
		assertThat(expedientes.find(id).orElseThrow().status()).isEqualTo(ExpedienteStatus.EN_TRAMITE);
		applications.pay(filing.caseNumber());
		assertThat(certificates.findForCase(id)).as("issued on payment").isPresent();
		assertThat(expedientes.find(id).orElseThrow().status()).isEqualTo(ExpedienteStatus.APROBADO);
		assertThat(expedientes.events(id)).extracting(TimelineEntry::messageKey).containsSubsequence(
				"timeline.event.PRESENTADO", "timeline.event.PAGADO",
				"timeline.event.APROBADO");
	}

	@Test
	void unpaidInItsTermTheFilingIsTreatedAsNotSubmittedAndItsOrderVoided() throws Exception {
		chontaliCharges(FEE);
		Filing filing = applications.fileUnpaidLicence(CHONTALI, RiskLevel.MEDIO);
		steps.fireTimer(filing, "paymentTermExpired");
		assertThat(expedientes.findByCaseNumber(filing.caseNumber()).orElseThrow().status())
			.isEqualTo(ExpedienteStatus.NO_PRESENTADO);
		assertThat(expedientes.findByCaseNumber(filing.caseNumber()).orElseThrow().decisionReason())
			.isEqualTo("No se pagó el derecho de trámite dentro del plazo.");
		assertThat(orders.forCaseNumber(filing.caseNumber()).orElseThrow().status()).isEqualTo("ANULADA");
		MockHttpServletResponse late = pay(staff.login("tesoreria", CHONTALI), filing.caseNumber(), "R-0099", "98.40",
				clock.today().toString());
		assertThat(late.getStatus()).isEqualTo(422);
		assertThat(late.getContentAsString()).contains("La orden está anulada");
		assertThat(steps.statusPage(filing)).contains("No se pagó a tiempo");
	}

	@Test
	void theCashierFindsAnOrderByCodeCaseOrDocumentAndMistypedInputIsToldApart() throws Exception {
		chontaliCharges(FEE);
		Filing filing = applications.fileUnpaidLicence(CHONTALI, RiskLevel.BAJO);
		Authentication cashier = staff.login("tesoreria", CHONTALI);
		String code = PaymentCode.of(filing.caseNumber());
		for (String query : List.of(PaymentCode.grouped(code), filing.caseNumber(), Applications.applicant()
			.documentNumber())) {
			assertThat(mvc.perform(get("/bandeja/caja").param("q", query).with(authentication(cashier))).andReturn()
				.getResponse().getContentAsString()).as(query).contains("orden-" + code, "Cobrar la orden");
		}
		String mistyped = code.substring(0, 14) + (char) ('0' + (code.charAt(14) - '0' + 1) % 10);
		for (String[] typed : List.of(new String[] { mistyped, "R-7", "98.40", "El código de pago no es válido" },
				new String[] { code, "", "98.40", "Escriba el número del recibo" },
				new String[] { code, "R-7", "noventa", "Escriba el monto en soles" },
				new String[] { code, "R-7\u0000", "98.40", "Escriba el número del recibo" })) {
			MockHttpServletResponse refused = mvc.perform(post("/bandeja/caja/pagos").with(csrf())
				.with(authentication(cashier)).param("codigo", typed[0]).param("recibo", typed[1])
				.param("monto", typed[2]).param("fecha", clock.today().toString())).andReturn().getResponse();
			assertThat(refused.getStatus()).as(typed[3]).isIn(400, 422);
		}
		MockHttpServletResponse future = pay(cashier, filing.caseNumber(), "R-8", "98.40",
				clock.today().plusDays(1).toString());
		assertThat(future.getContentAsString()).contains("no puede ser anterior a la orden ni posterior a hoy");
		assertThat(orders.forCaseNumber(filing.caseNumber()).orElseThrow().pending()).isTrue();
	}

	private MockHttpServletResponse pay(Authentication cashier, String caseNumber, String receipt, String amount,
			String day) throws Exception {
		return mvc.perform(post("/bandeja/caja/pagos").with(csrf()).with(authentication(cashier))
			.param("municipio", CHONTALI).param("codigo", PaymentCode.of(caseNumber)).param("recibo", receipt)
			.param("monto", amount).param("fecha", day)).andReturn().getResponse();
	}

	static Date lima(int year, int month, int day, int hour) {
		return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, TramitaApplication.LIMA).toInstant());
	}

}
