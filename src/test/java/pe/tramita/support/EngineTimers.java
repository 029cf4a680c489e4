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

	/** The (one) timer of the process instance becomes due at {@code due}. */
	public static void moveTimer(HttpClient client, String engineRest, String credentials, String processInstanceId,
			ZonedDateTime due) throws Exception {
		String jobs = client.send(HttpRequest.newBuilder(URI.create(engineRest + "/job?timers=true&processInstanceId="
				+ processInstanceId)).header("Authorization", credentials).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher job = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(jobs);
		assertThat(job.find()).as("the timer of process " + processInstanceId + ": " + jobs).isTrue();
		HttpResponse<String> moved = client.send(HttpRequest.newBuilder(URI.create(engineRest + "/job/" + job.group(1)
				+ "/duedate")).header("Authorization", credentials).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"duedate\":\"" + due.format(REST_DATE) + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
	}

}
