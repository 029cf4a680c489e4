package pe.tramita.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

import pe.tramita.engine.TaskFilter;
import pe.tramita.engine.TaskPage;
import pe.tramita.engine.TaskSearch;
import pe.tramita.engine.TaskView;
import pe.tramita.security.CamundaIdentityAuthenticationProvider;
import pe.tramita.security.StaffUser;
import pe.tramita.web.Formats;

/**
 * The morning e-mail a clerk may ask for: their tasks due today and those overdue, with links to the task list. Sent
 * on working-day mornings by one node of the installation; a clerk with nothing due gets nothing. Straight to the
 * server, not through the outbox: tomorrow's digest replaces a lost one.
 */
@Component
class DailyDigest {

	private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

	private static final Locale SPANISH = Locale.forLanguageTag("es-PE");

	private final JdbcTemplate jdbc;

	private final TaskSearch tasks;

	private final CamundaIdentityAuthenticationProvider accounts;

	private final MailDelivery delivery;

	private final CitizenMessages templates;

	private final Clock clock;

	private final Formats formats;

	private final String from;

	private final String publicUrl;

	DailyDigest(JdbcTemplate jdbc, TaskSearch tasks, CamundaIdentityAuthenticationProvider accounts,
			MailDelivery delivery, CitizenMessages templates, Clock clock, Formats formats,
			@Value("${tramita.mail.from}") String from,
			@Value("${tramita.public-url}") String publicUrl) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.accounts = accounts;
		this.delivery = delivery;
		this.templates = templates;
		this.clock = clock;
		this.formats = formats;
		this.from = from;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	boolean subscribed(String userId) {
		return jdbc.queryForObject("SELECT count(*) FROM tramita.staff_daily_digest WHERE user_id = ?", Integer.class,
				userId) > 0;
	}

	void subscribe(String userId, boolean wanted) {
		if (wanted) {
			jdbc.update("""
					INSERT INTO tramita.staff_daily_digest (user_id, subscribed_at) VALUES (?, ?)
					ON CONFLICT (user_id) DO NOTHING""", userId, Timestamp.from(clock.instant()));
		}
		else {
			jdbc.update("DELETE FROM tramita.staff_daily_digest WHERE user_id = ?", userId);
		}
	}

	@Scheduled(cron = "${tramita.mail.digest-cron:0 0 7 * * MON-FRI}", zone = "America/Lima")
	@SchedulerLock(name = "dailyDigest", lockAtLeastFor = "PT5M")
	void sendAll() {
		for (String userId : jdbc.queryForList("SELECT user_id FROM tramita.staff_daily_digest ORDER BY user_id",
				String.class)) {
			try {
				send(userId);
			}
			catch (RuntimeException | MessagingException e) {
				log.warn("Daily digest for {} not sent: {}", userId, e.toString());
			}
		}
	}

	/** One part of the digest: its heading, a line per task (the page's first 25), the task list's view of them. */
	record Group(String heading, List<String> lines, String url) {
	}

	private void group(List<Group> groups, TaskPage page, String headingKey, TaskView view) {
		if (page.total() == 0) {
			return;
		}
		List<String> lines = page.rows().stream()
			.map(task -> templates.text(SPANISH, "digest.line", task.caseNumber(), task.name(),
					task.applicantName() == null ? "" : task.applicantName(), formats.dateTime(task.due())))
			.toList();
		groups.add(new Group(templates.text(SPANISH, headingKey, page.total()), lines,
				publicUrl + "/bandeja?vista=" + view.slug()));
	}

	/** Sends one clerk's digest now; answers whether there was anything to tell them (and an address to tell it to). */
	boolean send(String userId) throws MessagingException {
		String address = accounts.email(userId).orElse(null);
		if (address == null) {
			return false;
		}
		StaffUser clerk = accounts.load(userId);
		TaskPage overdue = tasks.page(clerk, TaskFilter.of(TaskView.OVERDUE));
		TaskPage today = tasks.page(clerk, TaskFilter.of(TaskView.DUE_TODAY));
		if (overdue.total() == 0 && today.total() == 0) {
			return false;
		}
		Context context = new Context(SPANISH);
		context.setVariable("name", clerk.fullName());
		List<Group> groups = new ArrayList<>();
		group(groups, overdue, "digest.overdue", TaskView.OVERDUE);
		group(groups, today, "digest.today", TaskView.DUE_TODAY);
		context.setVariable("groups", groups);
		MimeMessage message = new MimeMessage(delivery.session());
		MimeMessageHelper helper = new MultipartMail(message);
		helper.setFrom(from);
		helper.setTo(address);
		helper.setSubject(templates.text(SPANISH, "digest.subject", today.total(), overdue.total()));
		helper.setText(templates.render("digest-text", context).strip(), templates.render("digest-html", context));
		message.setSentDate(Date.from(clock.instant()));
		delivery.deliver(message, clerk.municipalities().stream().sorted().findFirst().orElse(null));
		return true;
	}

}
