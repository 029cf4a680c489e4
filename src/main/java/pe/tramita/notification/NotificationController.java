package pe.tramita.notification;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.tramita.security.CamundaIdentityAuthenticationProvider;
import pe.tramita.security.StaffUser;
import pe.tramita.web.FileDownloads;
import pe.tramita.web.NotFoundException;

/**
 * The citizen's acknowledgment of a message (the link it carries opens a page; only its button records receipt, so a
 * mail scanner following links records nothing), the demo's sink, where staff read what their municipality's
 * citizens were sent, and a clerk's choice of the morning e-mail of their tasks.
 */
@Controller
class NotificationController {

	static final int SINK_PAGE = 100;

	private final Notifications notifications;

	private final MailSink sink;

	private final MailDelivery delivery;

	private final DailyDigest digest;

	private final CamundaIdentityAuthenticationProvider accounts;

	NotificationController(Notifications notifications, MailSink sink, MailDelivery delivery, DailyDigest digest,
			CamundaIdentityAuthenticationProvider accounts) {
		this.digest = digest;
		this.accounts = accounts;
		this.notifications = notifications;
		this.sink = sink;
		this.delivery = delivery;
	}

	@GetMapping("/notificacion/{token}")
	String receipt(@PathVariable String token, HttpServletResponse response, Model model) {
		return show(notifications.receipt(token), response, model, token);
	}

	@PostMapping("/notificacion/{token}")
	String confirm(@PathVariable String token, HttpServletResponse response, Model model) {
		return show(notifications.confirmReceipt(token), response, model, token);
	}

	private static String show(Optional<Notifications.Receipt> receipt, HttpServletResponse response,
			Model model, String token) {
		if (receipt.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		model.addAttribute("receipt", receipt.orElse(null));
		model.addAttribute("token", token);
		return "notification/receipt";
	}

	@GetMapping("/bandeja/resumen-diario")
	String digestForm(@AuthenticationPrincipal StaffUser clerk, Model model) {
		model.addAttribute("subscribed", digest.subscribed(clerk.id()));
		model.addAttribute("email", accounts.email(clerk.id()).orElse(null));
		return "notification/digest";
	}

	@PostMapping("/bandeja/resumen-diario")
	String subscribe(@RequestParam(name = "recibir", defaultValue = "false") boolean wanted,
			@AuthenticationPrincipal StaffUser clerk, RedirectAttributes redirect) {
		digest.subscribe(clerk.id(), wanted);
		redirect.addFlashAttribute("message", wanted ? "digest.subscribed" : "digest.unsubscribed");
		return "redirect:/bandeja/resumen-diario";
	}

	@GetMapping("/bandeja/correos")
	String sink(@AuthenticationPrincipal StaffUser clerk, Model model) {
		model.addAttribute("keepsCopies", delivery.keepsCopies());
		model.addAttribute("smtp", delivery.smtpConfigured());
		model.addAttribute("messages", sink.latest(clerk.municipalities(), SINK_PAGE));
		return "notification/sink";
	}

	@GetMapping("/bandeja/correos/{id}")
	String sinkMessage(@PathVariable long id, @AuthenticationPrincipal StaffUser clerk, Model model) {
		// "mail", not "message": the layout shows a flash "message"
		model.addAttribute("mail", sink.read(id, clerk.municipalities())
			.orElseThrow(() -> new NotFoundException("message " + id)));
		return "notification/sink-message";
	}

	@GetMapping("/bandeja/correos/{id}/adjuntos/{index}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable int index,
			@AuthenticationPrincipal StaffUser clerk) {
		List<MailSink.Attachment> attachments = sink.read(id, clerk.municipalities())
			.orElseThrow(() -> new NotFoundException("message " + id))
			.attachments();
		if (index < 0 || index >= attachments.size()) {
			throw new NotFoundException("attachment " + index);
		}
		MailSink.Attachment file = attachments.get(index);
		return FileDownloads.attachment(file.content(), file.name(), file.contentType());
	}

}
