package pe.tramita.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) in the test JVM, and the shared context's mail settings pointing at it: the
 * application sends every notification through SMTP, and tests read each message back from here. The worker polls
 * every 200 ms; a copy also goes to the local sink, so the staff's sink page has what the citizens received.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static volatile GreenMail SERVER = start(0);

	private static final int PORT = SERVER.getSmtp().getPort();

	private static GreenMail start(int port) {
		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	public static int port() {
		return PORT;
	}

	/** The mail server goes away (connections refused) until {@link #comeBack()}; what it had received is kept. */
	public static synchronized void goAway() {
		SERVER.stop();
	}

	/** The mail server is back on its port, empty: tests read only what arrives from now on. */
	public static synchronized void comeBack() {
		SERVER = start(PORT);
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-mail-server",
				Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(port()),
						"tramita.mail.local-sink", "true", "tramita.mail.poll", "PT0.2S",
						"tramita.mail.first-retry", "PT1S")));
	}

	/** Every message the server received for that address, oldest first. */
	public static List<MimeMessage> to(String address) {
		return Arrays.stream(SERVER.getReceivedMessages()).filter(message -> addressedTo(message, address)).toList();
	}

	/** What sends a batch of the outbox (the application's mail worker); answers how many messages it took. */
	private static volatile IntSupplier sender;

	public static void helpSendingWith(IntSupplier batchSender) {
		sender = batchSender;
	}

	/** Sends a batch from this thread too, when there is a backlog; else waits a moment. */
	private static void helpOrWait() {
		IntSupplier batch = sender;
		try {
			if (batch != null && batch.getAsInt() > 0) {
				return;
			}
		}
		catch (RuntimeException closedContext) {
			// the helper belonged to a context that has closed: the scheduled worker of the current one sends
		}
		sleep(100);
	}

	/** Waits up to 20 s for the address to have at least {@code count} messages; answers them all. */
	public static List<MimeMessage> await(String address, int count) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		List<MimeMessage> received = to(address);
		while (received.size() < count && Instant.now().isBefore(deadline)) {
			helpOrWait();
			received = to(address);
		}
		if (received.size() < count) {
			throw new AssertionError("Expected " + count + " message(s) to " + address + " within 20 s, got "
					+ received.size() + ": " + subjects(received));
		}
		return received;
	}

	/** Waits for the address's message whose subject contains {@code text}. */
	public static MimeMessage awaitSubject(String address, String text) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (true) {
			List<MimeMessage> received = to(address);
			for (MimeMessage message : received) {
				if (subject(message).contains(text)) {
					return message;
				}
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("No message to " + address + " with \"" + text + "\" in its subject within 20 s; got "
						+ subjects(received));
			}
			helpOrWait();
		}
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<String> subjects(List<MimeMessage> messages) {
		return messages.stream().map(TestMailServer::subject).toList();
	}

	private static boolean addressedTo(MimeMessage message, String address) {
		try {
			Address[] to = message.getAllRecipients();
			return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
