package pe.tramita.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Moves a case's timer the way an operator does: through the engine's REST API, as an administrator. */
public final class EngineTimers {

	private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private EngineTimers() {
	}

	/** The (one) timer of the case's process (its business key is the case number) becomes due at {@code due}. */
	public static void moveTimer(HttpClient client, String engineRest, String credentials, String caseNumber,
			ZonedDateTime due) throws Exception {
		String process = firstId(get(client, engineRest + "/process-instance?businessKey=" + caseNumber, credentials),
				"the process of " + caseNumber);
		String job = firstId(get(client, engineRest + "/job?timers=true&processInstanceId=" + process, credentials),
				"the timer of " + caseNumber);
		HttpResponse<String> moved = client.send(HttpRequest.newBuilder(URI.create(engineRest + "/job/" + job
				+ "/duedate")).header("Authorization", credentials).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"duedate\":\"" + due.format(REST_DATE) + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
	}

	private static String get(HttpClient client, String url, String credentials) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", credentials).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	private static String firstId(String json, String what) {
		Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(json);
		assertThat(id.find()).as(what + ": " + json).isTrue();
		return id.group(1);
	}

}
