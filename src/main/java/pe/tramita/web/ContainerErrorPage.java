package pe.tramita.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, before a request reaches Tramita (a NUL or a broken escape in the path, a request
 * line it cannot read): a short page in Spanish and English instead of Tomcat's report, which names the server.
 */
@Component
class ContainerErrorPage {

	private final MessageSource messages;

	ContainerErrorPage(MessageSource messages) {
		this.messages = messages;
	}

	@EventListener
	void onStarted(WebServerInitializedEvent started) {
		if (!(started.getWebServer() instanceof TomcatWebServer tomcat)) {
			return;
		}
		Path badRequest = write("error.badRequest");
		Path other = write("error.unexpected");
		for (Valve valve : tomcat.getTomcat().getHost().getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve report) {
				report.setShowReport(false);
				report.setShowServerInfo(false);
				report.setProperty("errorCode.400", badRequest.toString());
				report.setProperty("errorCode.0", other.toString());
			}
		}
	}

	private Path write(String messageKey) {
		String html = PlainErrorPage.html(messages, "", messageKey, Locale.forLanguageTag("es-PE"), Locale.ENGLISH);
		try {
			Path page = Files.createTempFile("tramita-error", ".html");
			page.toFile().deleteOnExit();
			return Files.writeString(page, html, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
