package pe.tramita.payment;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import pe.tramita.calendar.LegalClock;
import pe.tramita.form.ModelForms;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.security.StaffUser;
import pe.tramita.web.NotFoundException;

/**
 * The treasury's pages ({@code /bandeja/caja}): find an order by payment code, case number or document number and
 * record its payment; the day's cash report; the banks' collection files ({@link TreasuryScope} says who may).
 */
@Controller
class CashierController {

	private final PaymentOrders orders;

	private final Payments payments;

	private final BankFileImports imports;

	private final CashReports reports;

	private final TreasuryScope scope;

	private final LegalClock clock;

	private final MessageSource messages;

	private final BankFormats formats;

	CashierController(PaymentOrders orders, Payments payments, BankFileImports imports, CashReports reports,
			TreasuryScope scope, LegalClock clock, MessageSource messages, BankFormats formats) {
		this.formats = formats;
		this.messages = messages;
		this.scope = scope;
		this.orders = orders;
		this.payments = payments;
		this.imports = imports;
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping("/bandeja/caja")
	String cashier(@RequestParam(name = "municipio", required = false) String ubigeo,
			@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "pagado", required = false) String paid, @AuthenticationPrincipal StaffUser staff,
			Model model) {
		MunicipalityView municipality = scope.forCashier(ubigeo, staff);
		model.addAttribute("paid", paid);
		return cashier(municipality, query, staff, model);
	}

	@PostMapping("/bandeja/caja/pagos")
	String record(@RequestParam(name = "municipio", required = false) String ubigeo,
			@RequestParam(name = "codigo", defaultValue = "") String code,
			@RequestParam(name = "recibo", defaultValue = "") String receipt,
			@RequestParam(name = "monto", defaultValue = "") String amount,
			@RequestParam(name = "fecha", defaultValue = "") String day,
			@RequestParam(name = "canal", defaultValue = "CAJA") String channel, @AuthenticationPrincipal StaffUser staff,
			Model model, HttpServletResponse response, Locale locale) {
		MunicipalityView municipality = scope.forCashier(ubigeo, staff);
		Payments.Entry entry = new Payments.Entry(receipt, amount(amount), date(day));
		try {
			Payments.Channel how = Arrays.stream(Payments.Channel.values())
				.filter(known -> known.name().equals(channel))
				.findFirst()
				.orElseThrow(() -> new PaymentRefusedException("payment.refused.channel"));
			if (entry.amount() == null) {
				throw new PaymentRefusedException("payment.refused.amountFormat");
			}
			PaymentOrder paid = payments.recordAtCashier(municipality.ubigeo(), code, how, entry, staff.id());
			return "redirect:/bandeja/caja?municipio=" + municipality.ubigeo() + "&q=" + paid.code() + "&pagado="
					+ paid.code();
		}
		catch (PaymentRefusedException refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("refusal", messages.getMessage(refused.reason(), refused.arguments(), locale));
			model.addAttribute("typed", new Typed(code, receipt, amount, day, channel));
			return cashier(municipality, code, staff, model);
		}
	}

	/** What the cashier typed, shown again with the refusal. */
	public record Typed(String code, String receipt, String amount, String day, String channel) {
	}

	private String cashier(MunicipalityView municipality, String query, StaffUser staff, Model model) {
		scope.header(model, municipality, staff);
		model.addAttribute("query", query);
		model.addAttribute("found", query == null ? List.of() : orders.search(municipality.ubigeo(), query));
		model.addAttribute("searched", query != null && !query.isBlank());
		model.addAttribute("channels", Payments.Channel.values());
		return "payment/cashier";
	}

	@GetMapping("/bandeja/caja/diaria")
	String cashDay(@RequestParam(name = "municipio", required = false) String ubigeo,
			@RequestParam(name = "fecha", required = false) String day, @AuthenticationPrincipal StaffUser staff,
			Model model) {
		MunicipalityView municipality = scope.forReader(ubigeo, staff);
		LocalDate shown = day == null || date(day) == null ? clock.today() : date(day);
		scope.header(model, municipality, staff);
		model.addAttribute("report", reports.day(municipality.ubigeo(), shown));
		return "payment/cash-day";
	}

	@GetMapping("/bandeja/caja/banco")
	String bankFiles(@RequestParam(name = "municipio", required = false) String ubigeo,
			@AuthenticationPrincipal StaffUser staff, Model model) {
		return bankFiles(scope.forCashier(ubigeo, staff), null, staff, model);
	}

	@PostMapping("/bandeja/caja/banco")
	String importBankFile(@RequestParam(name = "municipio", required = false) String ubigeo,
			@RequestParam(name = "formato", defaultValue = "") String formatId,
			@RequestParam(name = "archivo", required = false) MultipartFile file,
			@AuthenticationPrincipal StaffUser staff, Model model, HttpServletResponse response) throws IOException {
		MunicipalityView municipality = scope.forCashier(ubigeo, staff);
		try {
			if (file == null || file.isEmpty()) {
				throw new BankFileImports.FileRefusedException("bank.error.empty");
			}
			if (file.getSize() > BankFileImports.MAX_BYTES) {
				throw new BankFileImports.FileRefusedException("bank.error.size");
			}
			BankFileImports.Result result = imports.importFile(municipality.ubigeo(), formatId,
					file.getOriginalFilename(), file.getBytes(), staff.id());
			return "redirect:/bandeja/caja/banco/" + result.fileId() + "?municipio=" + municipality.ubigeo()
					+ (result.alreadyImported() ? "&repetido=1" : "");
		}
		catch (BankFileImports.FileRefusedException refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return bankFiles(municipality, refused.reason(), staff, model);
		}
	}

	private String bankFiles(MunicipalityView municipality, String problem, StaffUser staff, Model model) {
		scope.header(model, municipality, staff);
		model.addAttribute("problem", problem);
		model.addAttribute("formats", formats.all());
		model.addAttribute("maxMegabytes", BankFileImports.MAX_BYTES / 1024 / 1024);
		model.addAttribute("files", imports.recent(municipality.ubigeo()));
		return "payment/bank-files";
	}

	@GetMapping("/bandeja/caja/banco/{id}")
	String bankFile(@PathVariable long id, @RequestParam(name = "municipio", required = false) String ubigeo,
			@RequestParam(name = "repetido", required = false) String repeated,
			@AuthenticationPrincipal StaffUser staff, Model model) {
		MunicipalityView municipality = scope.forCashier(ubigeo, staff);
		BankFileImports.ImportedFile file = imports.find(municipality.ubigeo(), id)
			.orElseThrow(() -> new NotFoundException("bank file " + id));
		scope.header(model, municipality, staff);
		model.addAttribute("file", file);
		model.addAttribute("repeated", repeated != null);
		model.addAttribute("lines", imports.lines(file.id()));
		return "payment/bank-file";
	}

	/** An amount as typed: 120.50, 1,234.50 or S/ 120.50; null when it is none. */
	static BigDecimal amount(String typed) {
		String plain = typed.replace("S/", "").replace(",", "").strip();
		return plain.matches("\\d{1,7}(\\.\\d{1,2})?") ? new BigDecimal(plain) : null;
	}

	/** A day from the date picker (2026-12-02) or typed (02/12/2026); null when it is none. */
	static LocalDate date(String typed) {
		String text = typed == null ? "" : typed.strip();
		try {
			return text.contains("/") ? LocalDate.parse(text, ModelForms.DATE) : LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

}
