package pe.tramita.notification;

import org.springframework.stereotype.Component;

import pe.tramita.support.TestMailServer;

/**
 * Lets a test waiting for a message help the scheduled worker send: the test classes before it may leave a backlog
 * of a few hundred messages (signed receipts among them) that one worker takes longer to send than a test waits.
 */
@Component
class OutboxHelp {

	OutboxHelp(MailWorker worker) {
		TestMailServer.helpSendingWith(worker::sendBatch);
	}

}
