package pe.tramita.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import pe.tramita.request.Filing;
import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.Staff;
import pe.tramita.support.TestMailServer;
import pe.tramita.support.TramitaTest;

/**
 * The outbox's promises: a message is written with the change or not at all, is sent once although several workers
 * (nodes) take messages at the same moment, waits out a mail server that is away and says why on the case, and can
 * be sent again by staff. A message whose sender died mid-send goes again with its Message-ID (the one duplicate the
 * design allows, so that none is lost).
 */
@TramitaTest
class OutboxDeliveryTests {

	@Autowired
	Applications applications;

	@Autowired
	Notifications notifications;

	@Autowired
	MailWorker worker;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Staff staff;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void serverBack() {
		if (!serverUp) {
			TestMailServer.comeBack();
			serverUp = true;
		}
	}

	private boolean serverUp = true;

	@Test
	void aFilingThatRollsBackLeavesNoMessage() {
		String address = CitizenNotificationTests.newAddress();
		int before = count();
		try {
			transaction.executeWithoutResult(status -> {
				applications.fileUnpaidLicence(Staff.CAJAMARCA, RiskLevel.BAJO, Applications.applicant(address, true));
				assertThat(jdbc.queryForObject("SELECT count(*) FROM tramita.notification WHERE recipient = ?",
						Integer.class, address)).as("written with the filing").isEqualTo(1);
				throw new IllegalStateException("the filing fails after its message was written");
			});
		}
		catch (IllegalStateException expected) {
			// rolled back
		}
		assertThat(count()).isEqualTo(before);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tramita.notification WHERE recipient = ?", Integer.class,
				address)).isZero();
	}

	@Test
	void severalWorkersTakingMessagesAtOnceSendEachOnce() throws Exception {
		List<String> addresses = new ArrayList<>();
		// twenty filings committed at one instant, so that the workers below and the scheduled one race for them
		transaction.executeWithoutResult(status -> {
			for (int i = 0; i < 20; i++) {
				String address = CitizenNotificationTests.newAddress();
				addresses.add(address);
				applications.fileComplaint(Staff.CAJAMARCA, Applications.applicant(address, false));
			}
		});
		ExecutorService nodes = Executors.newFixedThreadPool(4);
		List<Callable<Integer>> work = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			work.add(() -> worker.sendBatch());
		}
		int taken = 0;
		for (Future<Integer> done : nodes.invokeAll(work)) {
			taken += done.get();
		}
		nodes.shutdown();
		for (String address : addresses) {
			assertThat(TestMailServer.await(address, 1)).as(address).hasSize(1);
		}
		Thread.sleep(1000);
		for (String address : addresses) {
			assertThat(TestMailServer.to(address)).as("sent once: " + address).hasSize(1);
		}
		System.out.printf("Outbox: the four racing workers took %d messages, the scheduled one the rest%n", taken);
	}

	@Test
	void aServerThatIsAwayIsWaitedOutAndStaffSeeWhyAndMaySendAgain() throws Exception {
		TestMailServer.goAway();
		serverUp = false;
		String address = CitizenNotificationTests.newAddress();
		Filing filing = applications.fileComplaint(Staff.CAJAMARCA, Applications.applicant(address, true));
		long caseId = applications.caseId(filing);
		NotificationView waiting = awaitNotification(caseId, n -> n.status() == NotificationStatus.REINTENTANDO);
		assertThat(waiting.serverReply()).containsIgnoringCase("connect");
		assertThat(waiting.nextAttemptAt()).isAfter(Instant.now().minusSeconds(1));

		String page = mvc.perform(get("/bandeja/expedientes/" + caseId)
			.with(authentication(staff.login("mesa-de-partes", Staff.CAJAMARCA)))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Se reintentará", "Reintentar");

		// several attempts fail while it is away; give up is after six, so make it fail for good to test the retry
		jdbc.update("UPDATE tramita.notification SET status = 'FALLIDO' WHERE id = ? AND status = 'REINTENTANDO'",
				waiting.id());
		TestMailServer.comeBack();
		serverUp = true;
		Thread.sleep(800);
		assertThat(TestMailServer.to(address)).as("a failed message is not sent by itself").isEmpty();
		assertThat(mvc.perform(post("/bandeja/expedientes/" + caseId + "/notificaciones/" + waiting.id() + "/reintentar")
			.with(authentication(staff.login("mesa-de-partes", Staff.CAJAMARCA))).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl()).endsWith("#notificaciones");
		assertThat(TestMailServer.await(address, 1)).hasSize(1);
		assertThat(awaitNotification(caseId, n -> n.status() == NotificationStatus.ENVIADO).serverReply())
			.startsWith("250");
		// another municipality's clerk cannot retry it
		mvc.perform(post("/bandeja/expedientes/" + caseId + "/notificaciones/" + waiting.id() + "/reintentar")
			.with(authentication(staff.login("mesa-de-partes", Staff.BANOS))).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void aMessageWhoseSenderDiedMidSendGoesAgainWithItsMessageId() throws Exception {
		String address = CitizenNotificationTests.newAddress();
		Filing filing = applications.fileComplaint(Staff.CAJAMARCA, Applications.applicant(address, false));
		MimeMessage first = TestMailServer.await(address, 1).get(0);
		long id = awaitNotification(applications.caseId(filing), n -> n.status() == NotificationStatus.ENVIADO).id();
		// as a node leaves it when killed between the server's answer and recording it
		assertThat(jdbc.update("""
				UPDATE tramita.notification SET status = 'ENVIANDO', leased_until = now() - interval '1 second',
				    sent_at = NULL WHERE id = ? AND status = 'ENVIADO'""", id)).isOne();
		List<MimeMessage> both = TestMailServer.await(address, 2);
		assertThat(both.get(1).getMessageID()).isEqualTo(first.getMessageID());
	}

	@Test
	void theSinkShowsAMunicipalitysMessagesToItsOwnStaffOnly() throws Exception {
		String address = CitizenNotificationTests.newAddress();
		Filing filing = applications.fileUnpaidLicence(Staff.CAJAMARCA, RiskLevel.BAJO,
				Applications.applicant(address, true));
		TestMailServer.await(address, 1);
		// the sink keeps its copy just after the server has answered, so the server may have it first
		awaitNotification(applications.caseId(filing), n -> n.status() == NotificationStatus.ENVIADO);
		long id = jdbc.queryForObject("SELECT max(id) FROM tramita.mail_sink WHERE recipient = ?", Long.class, address);

		var cajamarca = authentication(staff.login("mesa-de-partes", Staff.CAJAMARCA));
		assertThat(mvc.perform(get("/bandeja/correos").with(cajamarca)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).contains(address, filing.caseNumber());
		assertThat(mvc.perform(get("/bandeja/correos/" + id).with(cajamarca)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).contains("cargo-recepcion-" + filing.caseNumber() + ".pdf",
					"id=\"mail-html\"");
		byte[] receipt = mvc.perform(get("/bandeja/correos/" + id + "/adjuntos/0").with(cajamarca))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(receipt, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		var banos = authentication(staff.login("mesa-de-partes", Staff.BANOS));
		assertThat(mvc.perform(get("/bandeja/correos").with(banos)).andReturn().getResponse().getContentAsString())
			.doesNotContain(address);
		mvc.perform(get("/bandeja/correos/" + id).with(banos)).andExpect(status().isNotFound());
		mvc.perform(get("/bandeja/correos/" + id + "/adjuntos/0").with(banos)).andExpect(status().isNotFound());
		mvc.perform(get("/bandeja/correos/" + id + "/adjuntos/7").with(cajamarca)).andExpect(status().isNotFound());
	}

	private NotificationView awaitNotification(long caseId, Predicate<NotificationView> condition)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(deadline)) {
			for (NotificationView n : notifications.forCase(caseId)) {
				if (condition.test(n)) {
					return n;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no notification of case " + caseId + " as expected: " + notifications.forCase(caseId));
	}

	private int count() {
		return jdbc.queryForObject("SELECT count(*) FROM tramita.notification", Integer.class);
	}

}
