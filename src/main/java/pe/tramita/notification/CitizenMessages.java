package pe.tramita.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import pe.tramita.catalog.Procedure;
import pe.tramita.municipality.MunicipalityView;
import pe.tramita.payment.PaymentOrder;
import pe.tramita.request.ExpedienteView;
import pe.tramita.web.Formats;

/**
 * Writes what the citizen is sent, in the language they filed in, as plain text and HTML from the templates
 * {@code mail/notice.txt} and {@code mail/notice.html}: what happened, what it means for them, what they may do and by
 * when, the case number and the status page's address. An access code is never in a link; where a message carries
 * one, the text holds {@link #CODE_PLACEHOLDER}, filled in only as the message leaves.
 */
@Component
class CitizenMessages {

	static final String CODE_PLACEHOLDER = "@@CODIGO@@";

	/** The kinds that notify an administrative act: with the citizen's consent, the e-mail is its notification. */
	static final Set<String> ACTS = Set.of("OBSERVADO", "APROBADO", "APROBADO_POR_SILENCIO", "DENEGADO",
			"NO_PRESENTADO", "ATENDIDO", "DENEGADO_POR_SILENCIO", "PRORROGADO", "ENTREGADO", NotificationOutbox.DOCUMENT);

	/** Decisions against the citizen, which they may appeal (TUO Ley 27444, art. 218). */
	private static final Set<String> APPEALABLE = Set.of("DENEGADO", "DENEGADO_POR_SILENCIO");

	/**
	 * What a message carries, to be composed. {@code attachments}: descriptions of the files it carries;
	 * {@code payment}: the fee still to pay, when the filing has one.
	 */
	record Facts(ExpedienteView expediente, MunicipalityView municipality, Procedure procedure, String kind,
			String detail, LocalDate date, boolean carriesCode, List<String> attachments, String receiptUrl,
			boolean legalNotice, PaymentOrder payment) {
	}

	record Composed(String subject, String text, String html) {
	}

	private final SpringTemplateEngine templates = new SpringTemplateEngine();

	private final MessageSource messages;

	private final Formats formats;

	private final String publicUrl;

	CitizenMessages(MessageSource messages, Formats formats,
			@Value("${tramita.public-url}") String publicUrl) {
		this.messages = messages;
		this.formats = formats;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
		templates.setTemplateEngineMessageSource(messages);
		templates.addTemplateResolver(resolver(TemplateMode.TEXT, "-text", ".txt", 1));
		templates.addTemplateResolver(resolver(TemplateMode.HTML, "-html", ".html", 2));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String name, String suffix, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setResolvablePatterns(Set.of("*" + name));
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	Composed compose(Facts facts) {
		Locale locale = Locale.forLanguageTag(facts.expediente().language());
		String procedureName = facts.procedure() == null ? facts.expediente().procedureKey() : facts.procedure().name();
		Context context = new Context(locale);
		context.setVariable("name", facts.expediente().applicantName());
		context.setVariable("municipality", facts.municipality().name());
		context.setVariable("caseNumber", facts.expediente().caseNumber());
		context.setVariable("procedure", procedureName);
		context.setVariable("lead", text(locale, "mail.lead." + facts.kind(), facts.expediente().caseNumber(),
				procedureName));
		context.setVariable("detailLabel", facts.detail() == null || facts.detail().isBlank() ? null
				: text(locale, "mail.detail." + facts.kind()));
		context.setVariable("detail", facts.detail());
		String dateLine = facts.date() == null ? ""
				: messages.getMessage("mail.date." + facts.kind(), new Object[] { formats.date(facts.date()) }, "",
						locale);
		// Thymeleaf takes an empty text for true: only a line there is, or none
		context.setVariable("dateLine", dateLine.isEmpty() ? null : dateLine);
		context.setVariable("paragraphs", paragraphs(facts, locale));
		context.setVariable("code", facts.carriesCode() ? CODE_PLACEHOLDER : null);
		context.setVariable("attachments", facts.attachments());
		context.setVariable("statusUrl", publicUrl + "/consulta");
		context.setVariable("receiptUrl", facts.receiptUrl());
		context.setVariable("legalNotice", facts.legalNotice());
		context.setVariable("act", ACTS.contains(facts.kind()));
		String subject = text(locale, "mail.subject." + facts.kind(), facts.expediente().caseNumber(), procedureName);
		return new Composed(subject, templates.process("notice-text", context).strip(),
				templates.process("notice-html", context));
	}

	/** What the event means for the citizen and what they may do. */
	private List<String> paragraphs(Facts facts, Locale locale) {
		List<String> paragraphs = new ArrayList<>();
		if (facts.payment() != null && facts.payment().pending()) {
			paragraphs.add(text(locale, "mail.payment", formats.money(facts.payment().amount()),
					facts.payment().groupedCode(), formats.date(facts.payment().payBy())));
		}
		String meaning = messages.getMessage("mail.meaning." + facts.kind(), null, "", locale);
		if (!meaning.isEmpty()) {
			paragraphs.add(meaning);
		}
		if (APPEALABLE.contains(facts.kind()) && facts.procedure() != null) {
			Procedure p = facts.procedure();
			String authority = p.reconsiderationAuthority() != null ? p.reconsiderationAuthority()
					: p.decidingAuthority();
			paragraphs.add(text(locale, "mail.appeals", authority == null ? facts.municipality().name() : authority,
					p.appealAuthority() == null ? text(locale, "mail.appeals.superior") : p.appealAuthority()));
		}
		return paragraphs;
	}

	String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** Another message of the same templates (the staff's daily digest). */
	String render(String template, Context context) {
		return templates.process(template, context);
	}

}
