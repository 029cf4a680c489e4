package pe.tramita.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import pe.tramita.support.AppProcess;
import pe.tramita.support.Folders;
import pe.tramita.support.SampleFiles;

/**
 * Tramita's figures, each beside its baseline measured in the same run on the same machine and database: start-up and
 * memory of the application's own JVM, PostgreSQL's commit rate, the bare engine's case rate, and Tramita's case rate
 * over HTTP. Run with {@code mvn -Pbench test}; results in {@code target/bench/}. See BENCHMARKS.md.
 */
@Tag("benchmark")
class BenchmarkTests {

	static final Path OUT = Path.of("target", "bench");

	static final int THREADS = 8;

	/**
	 * Rounds run before measuring. With one, Tramita's CPU per case still fell round after round (585, 589, 523, 460,
	 * 394 ms) while its JIT compilers took most of a core: that measured a JVM warming up, not a node that has served
	 * for a day. {@code -Dbench.warmUpRounds} to change it.
	 */
	static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warmUpRounds", 6);

	static final int ROUNDS = 5;

	static final int ENGINE_CASES_PER_ROUND = 200;

	static final int TRAMITA_CASES_PER_ROUND = 60;

	static final int PEER_CASES_PER_ROUND = 200;

	static final int FLOOR_TRANSACTIONS_PER_ROUND = 4000;

	/** PostgreSQL flushes each backend's statistics at least every 10 s while it idles. */
	static final long STATS_SETTLE_MILLIS = 11_000;

	private final BenchmarkReport report = new BenchmarkReport();

	@Test
	void run() throws Exception {
		Path dataDir = OUT.resolve("data");
		Folders.delete(dataDir);
		Files.createDirectories(OUT);

		if (!Boolean.getBoolean("bench.skipStartUps")) { // -Dbench.skipStartUps=true: the load figures alone, sooner
			measureStartUps(dataDir);
		}

		long launched = System.nanoTime();
		List<String> arguments = new ArrayList<>(AppProcess.DEMO);
		arguments.addAll(AccessLogTimes.arguments(OUT));
		Files.deleteIfExists(OUT.resolve(AccessLogTimes.FILE));
		try (AppProcess app = AppProcess.start(AppProcess.runtimeClasspath(), dataDir, 0,
				OUT.resolve("app-load.log"), arguments)) {
			app.secondsUntilHealthy(launched);
			String jdbcUrl = app.jdbcUrl();
			try (CommitFloor floor = new CommitFloor(jdbcUrl, THREADS); BareEngine bare = new BareEngine(jdbcUrl)) {
				Rounds floorRate = measure("PostgreSQL floor: small JDBC transactions, " + THREADS + " threads", "tx/s",
						() -> Load.casesPerSecond(floor.workers(THREADS), FLOOR_TRANSACTIONS_PER_ROUND));

				List<Load.Worker> engineWorkers = engineWorkers(bare.engine());
				CpuPerCase engineCpu = new CpuPerCase(CpuPerCase::ownJvmSeconds, ENGINE_CASES_PER_ROUND);
				Rounds engineRate = measure("Bare Camunda engine, same case shape, " + THREADS + " threads", "cases/s",
						engineCpu.around(() -> Load.casesPerSecond(engineWorkers, ENGINE_CASES_PER_ROUND)));
				Rounds engineCpuPerCase = add(engineCpu.measured("CPU per case, bare engine (the test's JVM)", WARM_UP_ROUNDS));

				StepTimes steps = new StepTimes();
				List<VirtualUser> users = virtualUsers(app.port(), steps);
				AtomicReference<Double> peakHeap = new AtomicReference<>(0.0);
				ScheduledExecutorService sampler = sampleHeap(app, peakHeap);
				AccessLogTimes serverTimes = new AccessLogTimes(OUT);
				AtomicInteger round = new AtomicInteger();
				CpuPerCase tramitaCpu = new CpuPerCase(app::cpuSeconds, TRAMITA_CASES_PER_ROUND);
				Rounds tramitaRate;
				try {
					tramitaRate = measure("Tramita over HTTP, apply to certificate, " + THREADS + " virtual users",
							"cases/s", tramitaCpu.around(() -> {
								if (round.getAndIncrement() == WARM_UP_ROUNDS) {
									serverTimes.startHere();
								}
								steps.reset();
								return Load.casesPerSecond(users, TRAMITA_CASES_PER_ROUND);
							}));
				}
				finally {
					sampler.shutdownNow();
				}
				Rounds tramitaCpuPerCase = add(tramitaCpu.measured("CPU per case, Tramita's JVM", WARM_UP_ROUNDS));
				double slowestP95 = reportServerTimes(serverTimes.millisByStep(), ROUNDS * TRAMITA_CASES_PER_ROUND);
				steps.meanMillis().forEach((step, millis) -> report
					.add(Rounds.single("Tramita request time at the client (last round): " + step, "ms", millis)));
				report.add(Rounds.single("Heap used, peak under load (-Xmx512m)", "MiB", peakHeap.get()));
				report.add(Rounds.single("RSS of the application JVM after load", "MiB", app.rssMiB()));
				double heaviestPage = reportPageWeights(app.port(), users.get(0).last());

				Rounds peerRate;
				Rounds peerCpuPerCase;
				try (PeerProcess peer = PeerProcess.start(jdbcUrl, OUT.resolve("peer.log"))) {
					StepTimes peerSteps = new StepTimes();
					List<PeerCase> peerUsers = new ArrayList<>();
					for (int i = 0; i < THREADS; i++) {
						peerUsers.add(new PeerCase(peer, peerSteps));
					}
					CpuPerCase peerCpu = new CpuPerCase(peer::cpuSeconds, PEER_CASES_PER_ROUND);
					peerRate = measure("Peer: stock Camunda REST API over HTTP, same case shape, " + THREADS
							+ " virtual users", "cases/s", peerCpu.around(() -> {
								peerSteps.reset();
								return Load.casesPerSecond(peerUsers, PEER_CASES_PER_ROUND);
							}));
					peerCpuPerCase = add(peerCpu.measured("CPU per case, the peer's JVM", WARM_UP_ROUNDS));
					peerSteps.meanMillis().forEach((step, millis) -> report
						.add(Rounds.single("Peer request time at the client (last round): " + step, "ms", millis)));
				}

				double idleCommitsPerSecond = idleCommitRate(floor);
				double engineTxPerCase = transactionsPerCase(floor, engineWorkers, ENGINE_CASES_PER_ROUND,
						idleCommitsPerSecond);
				double tramitaTxPerCase = transactionsPerCase(floor, users, TRAMITA_CASES_PER_ROUND, idleCommitsPerSecond);
				report.add(Rounds.single("Transactions per case, bare engine", "tx/case", engineTxPerCase));
				report.add(Rounds.single("Transactions per case, Tramita over HTTP", "tx/case", tramitaTxPerCase));

				report.ratio("Tramita / peer (cases per second)", tramitaRate.median() / peerRate.median(), ">= 1.0");
				report.ratio("Tramita's CPU per case / the bare engine's", tramitaCpuPerCase.median()
						/ engineCpuPerCase.median(), "<= 3");
				report.ratio("Peer's CPU per case / the bare engine's", peerCpuPerCase.median() / engineCpuPerCase.median(),
						"reference");
				report.ratio("Tramita's slowest kind of request, server p95 under load (ms)", slowestP95, "<= 50");
				report.ratio("Heaviest citizen page, compressed with what it loads (KB)", heaviestPage, "<= 50");
				report.ratio("Tramita / bare engine (cases per second)", tramitaRate.median() / engineRate.median(),
						"reference (was >= 0.70)");
				report.ratio("Floor for Tramita: commit rate / its tx per case (cases/s)",
						floorRate.median() / tramitaTxPerCase, "reference");
				report.ratio("Tramita / its PostgreSQL floor", tramitaRate.median() / (floorRate.median() / tramitaTxPerCase),
						"reference");
			}
		}
		report.write(OUT);
		System.out.println();
		System.out.println(report.markdown());
	}

	private void measureStartUps(Path dataDir) throws Exception {
		List<Double> warmStarts = new ArrayList<>();
		List<Double> stops = new ArrayList<>();
		for (int i = 0; i <= 3; i++) {
			long launched = System.nanoTime();
			try (AppProcess app = AppProcess.start(AppProcess.runtimeClasspath(), dataDir, 0,
					OUT.resolve("app-start-" + i + ".log"), AppProcess.DEMO)) {
				double seconds = app.secondsUntilHealthy(launched);
				if (i == 0) {
					report.add(Rounds.single("Start-up, new database (initdb, schema, demo data)", "s", seconds));
				}
				else {
					warmStarts.add(seconds);
				}
				if (i == 3) {
					Thread.sleep(2000);
					report.add(Rounds.single("Heap used after start", "MiB", app.heapUsedMiB()));
					report.add(Rounds.single("RSS of the application JVM after start", "MiB", app.rssMiB()));
				}
				stops.add(app.stop());
			}
		}
		report.add(new Rounds("Start-up, existing database", "s", warmStarts));
		report.add(new Rounds("Stop (SIGTERM until the process ended)", "s", stops));
	}

	private Rounds add(Rounds rounds) {
		report.add(rounds);
		return rounds;
	}

	/** p50 and p95 of each kind of request, and requests per case; answers the slowest kind's p95. */
	private double reportServerTimes(Map<String, List<Double>> millisByStep, int cases) {
		double slowest = 0;
		int requests = 0;
		for (Map.Entry<String, List<Double>> step : millisByStep.entrySet()) {
			List<Double> millis = step.getValue();
			double p95 = Rounds.percentile(millis, 95);
			report.add(Rounds.single("Tramita server time under load, p50: " + step.getKey(), "ms",
					Rounds.percentile(millis, 50)));
			report.add(Rounds.single("Tramita server time under load, p95: " + step.getKey(), "ms", p95));
			slowest = Math.max(slowest, p95);
			requests += millis.size();
		}
		report.add(Rounds.single("Tramita requests per case (from its access log)", "requests", (double) requests / cases));
		return slowest;
	}

	/** Each citizen page as a first visit downloads it; answers the heaviest in KB. */
	private double reportPageWeights(int port, VirtualUser.CitizenPages last) throws Exception {
		String cookie = last.citizen().cookieHeader();
		double heaviest = 0;
		for (String page : List.of("/", "/m/060101", "/m/060101/tramites/licencia-funcionamiento",
				"/m/060101/tramites/licencia-funcionamiento/solicitud", last.receipt(), "/consulta", last.status(),
				"/verificar", last.certificate(), "/transparencia", "/transparencia/060101", "/m/060101/tupa",
				"/m/060101/inversiones")) {
			PageWeight.Weight weight = PageWeight.of(port, page, cookie);
			if (!weight.otherHosts().isEmpty()) {
				throw new IllegalStateException(page + " loads from other hosts: " + weight.otherHosts());
			}
			double kb = weight.bytes() / 1024.0;
			report.add(Rounds.single("Citizen page, compressed, with what it loads (" + weight.requests() + " requests): "
					+ page.replaceAll("[A-Z0-9]{5}-[A-Z0-9]{5}", "<code>").replaceAll("\\d{6}-\\d{4}-\\d{6}", "<case>"),
					"KB", kb));
			heaviest = Math.max(heaviest, kb);
		}
		return heaviest;
	}

	private Rounds measure(String name, String unit, Callable<Double> round) throws Exception {
		Rounds rounds = Rounds.measure(name, unit, WARM_UP_ROUNDS, ROUNDS, round);
		report.add(rounds);
		return rounds;
	}

	private static List<Load.Worker> engineWorkers(ProcessEngine engine) {
		List<Load.Worker> workers = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			workers.add(new BareEngineCase(engine.getRuntimeService(), engine.getTaskService()));
		}
		return workers;
	}

	private static List<VirtualUser> virtualUsers(int port, StepTimes steps) throws Exception {
		byte[] declaration = SampleFiles.pdf();
		List<VirtualUser> users = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			users.add(new VirtualUser(port, declaration, "tramita", steps));
		}
		return users;
	}

	private static ScheduledExecutorService sampleHeap(AppProcess app, AtomicReference<Double> peak) {
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> {
			try {
				double used = app.heapUsedMiB();
				peak.accumulateAndGet(used, Math::max);
			}
			catch (Exception ignored) {
				// a missed sample changes nothing
			}
		}, 0, 250, TimeUnit.MILLISECONDS);
		return sampler;
	}

	private static double idleCommitRate(CommitFloor floor) throws Exception {
		Thread.sleep(STATS_SETTLE_MILLIS);
		long before = floor.committedTransactions();
		long start = System.nanoTime();
		Thread.sleep(STATS_SETTLE_MILLIS);
		return (floor.committedTransactions() - before) / ((System.nanoTime() - start) / 1e9);
	}

	/** Commits counted by PostgreSQL while the cases ran, less what the idle system commits in the same time. */
	private static double transactionsPerCase(CommitFloor floor, List<? extends Load.Worker> workers, int cases,
			double idleCommitsPerSecond) throws Exception {
		long before = floor.committedTransactions();
		long start = System.nanoTime();
		Load.casesPerSecond(workers, cases);
		Thread.sleep(STATS_SETTLE_MILLIS);
		double seconds = (System.nanoTime() - start) / 1e9;
		long commits = floor.committedTransactions() - before;
		return (commits - idleCommitsPerSecond * seconds) / cases;
	}

}
