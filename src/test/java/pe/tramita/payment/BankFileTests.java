package pe.tramita.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import pe.tramita.calendar.LegalClock;
import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.Staff;
import pe.tramita.support.TramitaTest;

/**
 * Pedro Gálvez's bank sends its day's file: one line pays its order, the others are listed with their reason (another
 * amount, another municipality's code, the same operation twice, a mistyped code, a date that does not exist, an
 * order already paid at the cashier, a line with no fields, an operation the cashier recorded from the citizen's
 * voucher); the same file imported again changes nothing; the fixed
 * width layout reads too; a file that is no text is refused. No route of the treasury lets another municipality's
 * staff, another office or a forged post in.
 */
@TramitaTest
class BankFileTests {

	static final String PEDRO_GALVEZ = "061001";

	static final String SAN_PABLO = "061201";

	static final String FEE = "120.50";

	@Autowired
	MockMvc mvc;

	@Autowired
	Applications applications;

	@Autowired
	PaymentOrders orders;

	@Autowired
	Payments payments;

	@Autowired
	Staff staff;

	@Autowired
	TaskService taskService;

	@Autowired
	LegalClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCollectionFileConfirmsTheMatchedAndListsTheRestOnceHoweverOftenItIsImported() throws Exception {
		Filing a = applications.fileUnpaidLicence(PEDRO_GALVEZ, RiskLevel.BAJO);
		Filing b = applications.fileUnpaidLicence(PEDRO_GALVEZ, RiskLevel.BAJO);
		Filing c = applications.fileUnpaidLicence(PEDRO_GALVEZ, RiskLevel.BAJO);
		Filing d = applications.fileUnpaidLicence(PEDRO_GALVEZ, RiskLevel.BAJO);
		Filing voucher = applications.fileUnpaidLicence(PEDRO_GALVEZ, RiskLevel.BAJO);
		Filing elsewhere = applications.fileUnpaidLicence(SAN_PABLO, RiskLevel.BAJO);
		applications.pay(c.caseNumber());
		// paid at the bank and proved at the counter with the voucher, before the bank's file came
		payments.recordAtCashier(PEDRO_GALVEZ, code(voucher), Payments.Channel.BANCO,
				new Payments.Entry("OP-2001", new BigDecimal(FEE), clock.today()), "t.tesoreria." + PEDRO_GALVEZ);
		String today = clock.today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
		String dCode = code(d);
		String mistyped = dCode.substring(0, 14) + (char) ('0' + (dCode.charAt(14) - '0' + 1) % 10);
		String file = String.join("\r\n", "codigo;monto;fecha;operacion",
				code(a) + ";" + FEE + ";" + today + ";OP-1001",
				code(b) + ";12.50;" + today + ";OP-1002",
				code(elsewhere) + ";" + FEE + ";" + today + ";OP-1003",
				code(a) + ";" + FEE + ";" + today + ";OP-1001",
				mistyped + ";" + FEE + ";" + today + ";OP-1004",
				dCode + ";" + FEE + ";31/02/2026;OP-1005",
				code(c) + ";" + FEE + ";" + today + ";OP-1006",
				"línea sin campos",
				code(voucher) + ";" + FEE + ";" + today + ";OP-2001", "");
		Authentication cashier = staff.login("tesoreria", PEDRO_GALVEZ);

		MockHttpServletResponse imported = mvc.perform(upload(cashier, "bn-csv", "recaudacion-bn.csv",
				file.getBytes(StandardCharsets.ISO_8859_1))).andReturn().getResponse();
		assertThat(imported.getStatus()).isEqualTo(302);
		String result = imported.getRedirectedUrl();
		assertThat(outcomes(result)).containsExactly(
				Map.of("line_number", 2, "outcome", "CONCILIADA", "reason", "bank.reason.matched"),
				Map.of("line_number", 3, "outcome", "SIN_ORDEN", "reason", "bank.reason.amountDiffers"),
				Map.of("line_number", 4, "outcome", "SIN_ORDEN", "reason", "bank.reason.noOrder"),
				Map.of("line_number", 5, "outcome", "DUPLICADA", "reason", "bank.reason.repeatedLine"),
				Map.of("line_number", 6, "outcome", "ILEGIBLE", "reason", "bank.reason.mistyped"),
				Map.of("line_number", 7, "outcome", "ILEGIBLE", "reason", "bank.reason.date"),
				Map.of("line_number", 8, "outcome", "DUPLICADA", "reason", "bank.reason.alreadyPaid"),
				Map.of("line_number", 9, "outcome", "ILEGIBLE", "reason", "bank.reason.fields"),
				Map.of("line_number", 10, "outcome", "DUPLICADA", "reason", "bank.reason.operationRecorded"));
		assertThat(orders.forCaseNumber(a.caseNumber()).orElseThrow().payment().channel()).isEqualTo("BANCO");
		assertThat(orders.forCaseNumber(a.caseNumber()).orElseThrow().payment().receiptNumber()).isEqualTo("OP-1001");
		assertThat(waitsAtReview(a)).isTrue();
		for (Filing unpaid : List.of(b, d, elsewhere)) {
			assertThat(orders.forCaseNumber(unpaid.caseNumber()).orElseThrow().pending()).isTrue();
			assertThat(waitsAtReview(unpaid)).isFalse();
		}
		String page = mvc.perform(get(result).with(authentication(cashier))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Conciliadas: 1 · Sin orden: 2 · Duplicadas: 3 · Ilegibles: 3.",
				"El monto pagado no es el de la orden", "La orden ya estaba pagada: corresponde devolver este pago.",
				"El código de pago está mal digitado");

		MockHttpServletResponse again = mvc.perform(upload(cashier, "bn-csv", "otra-vez.csv",
				file.getBytes(StandardCharsets.ISO_8859_1))).andReturn().getResponse();
		assertThat(again.getRedirectedUrl()).isEqualTo(result + "&repetido=1");
		assertThat(mvc.perform(get(again.getRedirectedUrl()).with(authentication(cashier))).andReturn().getResponse()
			.getContentAsString()).contains("ya se había importado");
		assertThat(jdbc.queryForList("SELECT file_name FROM tramita.bank_file WHERE ubigeo = ? AND file_name LIKE '%.csv'"
				+ " AND file_name <> 'dia.csv'", String.class, PEDRO_GALVEZ)).containsExactly("recaudacion-bn.csv");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tramita.payment p JOIN tramita.payment_order o ON "
				+ "o.id = p.order_id WHERE o.case_number IN (?, ?, ?, ?)", Integer.class, a.caseNumber(),
				b.caseNumber(), c.caseNumber(), d.caseNumber())).as("C at the cashier, A by the bank").isEqualTo(2);

		// the Caja Municipal's fixed-width file: header and trailer records, amounts in céntimos
		String fixed = String.join("\n", "H" + clock.today().format(DateTimeFormatter.BASIC_ISO_DATE) + "CMAC",
				"D" + dCode + "000000012050" + clock.today().format(DateTimeFormatter.BASIC_ISO_DATE) + "000000778899",
				"T000001000000012050");
		MockHttpServletResponse fixedWidth = mvc.perform(upload(cashier, "cmac-ancho-fijo", "cmac.txt",
				fixed.getBytes(StandardCharsets.US_ASCII))).andReturn().getResponse();
		assertThat(outcomes(fixedWidth.getRedirectedUrl())).singleElement()
			.isEqualTo(Map.of("line_number", 2, "outcome", "CONCILIADA", "reason", "bank.reason.matched"));
		assertThat(waitsAtReview(d)).isTrue();
	}

	@Test
	void aFileThatIsNoCollectionFileIsRefusedWithItsReasonAndChangesNothing() throws Exception {
		Authentication cashier = staff.login("tesoreria", PEDRO_GALVEZ);
		int files = jdbc.queryForObject("SELECT count(*) FROM tramita.bank_file", Integer.class);
		Map<String, String> refusals = Map.of("bank.error.binary", "El archivo no es de texto",
				"bank.error.empty", "Elija el archivo que envió el banco",
				"bank.error.format", "Elija el banco y el formato del archivo",
				"bank.error.noLines", "no tiene ninguna línea de pago");
		assertThat(refused(cashier, "bn-csv", new byte[] { 'P', 'K', 3, 4, 0, 0, 1 }))
			.contains(refusals.get("bank.error.binary"));
		assertThat(refused(cashier, "bn-csv", new byte[0])).contains(refusals.get("bank.error.empty"));
		assertThat(refused(cashier, "banco-inventado", "a;b;c;d\n1;2;3;4".getBytes(StandardCharsets.UTF_8)))
			.contains(refusals.get("bank.error.format"));
		assertThat(refused(cashier, "cmac-ancho-fijo", "solo una cabecera\n".getBytes(StandardCharsets.UTF_8)))
			.contains(refusals.get("bank.error.noLines"));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tramita.bank_file", Integer.class)).isEqualTo(files);
	}

	@Test
	void everyTreasuryRouteIsClosedToOtherMunicipalitiesOtherOfficesAndForgedPosts() throws Exception {
		Filing filing = applications.fileUnpaidLicence(PEDRO_GALVEZ, RiskLevel.BAJO);
		Authentication cashier = staff.login("tesoreria", PEDRO_GALVEZ);
		String file = "codigo;monto;fecha;operacion\n" + code(filing) + ";" + FEE + ";"
				+ clock.today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ";OP-9" + filing.caseNumber();
		String result = mvc.perform(upload(cashier, "bn-csv", "dia.csv", file.getBytes(StandardCharsets.UTF_8)))
			.andReturn().getResponse().getRedirectedUrl();
		long fileId = Long.parseLong(result.replaceAll(".*/banco/(\\d+).*", "$1"));
		Filing unpaid = applications.fileUnpaidLicence(PEDRO_GALVEZ, RiskLevel.BAJO);

		Authentication otherCashier = staff.login("tesoreria", SAN_PABLO);
		List<MockHttpServletRequestBuilder> theirs = List.of(get("/bandeja/caja?municipio=" + PEDRO_GALVEZ),
				get("/bandeja/caja?municipio=" + PEDRO_GALVEZ + "&q=" + filing.caseNumber()),
				get("/bandeja/caja/diaria?municipio=" + PEDRO_GALVEZ),
				get("/bandeja/caja/recaudacion?municipio=" + PEDRO_GALVEZ),
				get("/bandeja/caja/banco?municipio=" + PEDRO_GALVEZ),
				get("/bandeja/caja/banco/" + fileId + "?municipio=" + PEDRO_GALVEZ),
				get("/bandeja/caja/banco/" + fileId + "?municipio=" + SAN_PABLO),
				get("/bandeja/caja/banco/" + fileId),
				post("/bandeja/caja/pagos").with(csrf()).param("municipio", PEDRO_GALVEZ)
					.param("codigo", code(unpaid)).param("recibo", "X-1").param("monto", FEE)
					.param("fecha", clock.today().toString()),
				multipart("/bandeja/caja/banco").file(new MockMultipartFile("archivo", "x.csv", "text/csv",
						file.getBytes(StandardCharsets.UTF_8))).with(csrf()).param("municipio", PEDRO_GALVEZ)
					.param("formato", "bn-csv"));
		for (MockHttpServletRequestBuilder request : theirs) {
			assertThat(mvc.perform(request.with(authentication(otherCashier))).andReturn().getResponse().getStatus())
				.as("another municipality's cashier").isEqualTo(404);
		}
		// in their own municipality, another's order is no order at all
		MockHttpServletResponse foreign = mvc.perform(post("/bandeja/caja/pagos").with(csrf())
			.with(authentication(otherCashier)).param("codigo", code(unpaid)).param("recibo", "X-1").param("monto", FEE)
			.param("fecha", clock.today().toString())).andReturn().getResponse();
		assertThat(foreign.getContentAsString()).contains("No hay una orden de pago con ese código en esta municipalidad");
		assertThat(mvc.perform(get("/bandeja/caja?q=" + filing.caseNumber()).with(authentication(otherCashier)))
			.andReturn().getResponse().getContentAsString()).doesNotContain(filing.caseNumber() + "</span>");

		Authentication reception = staff.login("mesa-de-partes", PEDRO_GALVEZ);
		for (MockHttpServletRequestBuilder request : List.of(get("/bandeja/caja"), get("/bandeja/caja/diaria"),
				get("/bandeja/caja/recaudacion"), get("/bandeja/caja/banco"), get("/bandeja/caja/banco/" + fileId),
				post("/bandeja/caja/pagos").with(csrf()).param("codigo", code(unpaid)).param("recibo", "X-2")
					.param("monto", FEE).param("fecha", clock.today().toString()))) {
			assertThat(mvc.perform(request.with(authentication(reception))).andReturn().getResponse().getStatus())
				.as("another office").isEqualTo(403);
		}
		Authentication management = staff.login("gerencia", PEDRO_GALVEZ);
		assertThat(status(get("/bandeja/caja/diaria"), management)).isEqualTo(200);
		assertThat(status(get("/bandeja/caja/recaudacion"), management)).isEqualTo(200);
		assertThat(status(get("/bandeja/caja"), management)).as("management reads, does not collect").isEqualTo(403);
		assertThat(status(get("/bandeja/caja/banco"), management)).isEqualTo(403);

		// no CSRF token, no login: nothing recorded
		assertThat(mvc.perform(post("/bandeja/caja/pagos").with(authentication(cashier)).param("codigo", code(unpaid))
			.param("recibo", "X-3").param("monto", FEE).param("fecha", clock.today().toString())).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/bandeja/caja/pagos").with(csrf()).param("codigo", code(unpaid))
			.param("recibo", "X-4").param("monto", FEE).param("fecha", clock.today().toString())).andReturn()
			.getResponse().getStatus()).isIn(302, 401, 403);
		assertThat(orders.forCaseNumber(unpaid.caseNumber()).orElseThrow().pending()).isTrue();
	}

	private int status(MockHttpServletRequestBuilder request, Authentication who) throws Exception {
		return mvc.perform(request.with(authentication(who))).andReturn().getResponse().getStatus();
	}

	private String refused(Authentication cashier, String format, byte[] content) throws Exception {
		MockHttpServletResponse response = mvc.perform(upload(cashier, format, "archivo.csv", content)).andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		return response.getContentAsString();
	}

	private MockHttpServletRequestBuilder upload(Authentication cashier, String format, String name, byte[] content) {
		return multipart("/bandeja/caja/banco").file(new MockMultipartFile("archivo", name, "text/csv", content))
			.with(csrf()).with(authentication(cashier)).param("municipio", PEDRO_GALVEZ).param("formato", format);
	}

	private List<Map<String, Object>> outcomes(String resultUrl) {
		long id = Long.parseLong(resultUrl.replaceAll(".*/banco/(\\d+).*", "$1"));
		return jdbc.queryForList("SELECT line_number, outcome, reason FROM tramita.bank_file_line "
				+ "WHERE bank_file_id = ? ORDER BY line_number", id);
	}

	private boolean waitsAtReview(Filing filing) {
		return taskService.createTaskQuery().processInstanceBusinessKey(filing.caseNumber())
			.taskDefinitionKey("reviewRequirements").count() == 1;
	}

	private String code(Filing filing) {
		return orders.forCaseNumber(filing.caseNumber()).orElseThrow().code();
	}

}
