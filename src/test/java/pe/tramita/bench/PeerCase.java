package pe.tramita.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pe.tramita.support.HttpVisitor;

/**
 * One virtual user of the peer: the licence's case over Camunda's REST API, as its Tasklist works it for three clerks
 * of Cajamarca. 14 requests: start the case with the application's variables, correlate the fee's payment; then per
 * step list the office's tasks (narrowed to the case, as Tramita's clerk searches by its number), claim one, read its
 * form variables, complete it.
 */
class PeerCase implements Load.Worker {

	private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

	/** What Tramita's filing gives the licence's process, as the bare engine's case starts with it. */
	private static final String START = """
			{"variables": {"municipio": {"value": "060101"}, "expedienteId": {"value": 1, "type": "Long"},
			 "ruc": {"value": "20131312955"}, "businessName": {"value": "Bodega Doña Juana E.I.R.L."},
			 "tradeName": {"value": "Bodega Doña Juana"}, "address": {"value": "Jr. Del Comercio 456"},
			 "activity": {"value": "Venta de abarrotes"}, "areaM2": {"value": "35.75"}, "riskLevel": {"value": "BAJO"}}}""";

	private final HttpClient client = HttpClient.newHttpClient();

	private final PeerProcess peer;

	private final StepTimes times;

	PeerCase(PeerProcess peer, StepTimes times) {
		this.peer = peer;
		this.times = times;
	}

	@Override
	public void completeOneCase() throws Exception {
		String instance = id(times.time("1 start the case", () -> post("mesa",
				"/engine-rest/process-definition/key/bench-three-user-tasks/start", START)));
		times.time("1b the fee's payment arrives", () -> post("mesa", "/engine-rest/message",
				"{\"messageName\": \"pagoConfirmado\", \"processInstanceId\": \"" + instance + "\"}"));
		step("mesa", "mesa-de-partes", instance, "{\"requisitosCompletos\": {\"value\": true}}");
		step("licencias", "licencias", instance, "{\"nivelRiesgo\": {\"value\": \"BAJO\"}}");
		step("gerente", "gerencia", instance,
				"{\"aprobado\": {\"value\": true}, \"fundamento\": {\"value\": \"Cumple los requisitos del TUPA.\"}}");
	}

	private void step(String clerk, String office, String instance, String answers) throws Exception {
		String task = id(times.time("2 task list", () -> get(clerk, "/engine-rest/task?candidateGroup=" + office
				+ "&processInstanceId=" + instance + "&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15")));
		times.time("3 claim", () -> post(clerk, "/engine-rest/task/" + task + "/claim", "{\"userId\": \"" + clerk + "\"}"));
		times.time("4 form variables", () -> get(clerk, "/engine-rest/task/" + task + "/form-variables"));
		times.time("5 complete", () -> post(clerk, "/engine-rest/task/" + task + "/complete",
				"{\"variables\": " + answers + "}"));
	}

	private String get(String clerk, String path) throws Exception {
		return send(request(clerk, path).GET().build());
	}

	private String post(String clerk, String path, String json) throws Exception {
		return send(request(clerk, path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private HttpRequest.Builder request(String clerk, String path) {
		return HttpRequest.newBuilder(peer.uri(path)).header("Authorization", HttpVisitor.basic(clerk, "peer-clerk"));
	}

	private String send(HttpRequest request) throws Exception {
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static String id(String json) {
		Matcher id = ID.matcher(json);
		if (!id.find()) {
			throw new IllegalStateException("no id in " + json);
		}
		return id.group(1);
	}

}
