package pe.tramita.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import pe.tramita.certificate.CertificateWorkbench;
import pe.tramita.support.SampleFiles;

/**
 * Signed certificates per second against plain unsigned rendering of the same page, in the same run, on one
 * thread and on as many threads as cores. Results in {@code target/bench/certificates/}. See BENCHMARKS.md.
 */
@Tag("benchmark")
class CertificateBenchmarkTests {

	static final Path OUT = BenchmarkTests.OUT.resolve("certificates");

	static final int WARM_UP_ROUNDS = 2;

	static final int ROUNDS = 5;

	static final int CERTIFICATES_PER_ROUND = 200;

	@Test
	void run() throws Exception {
		Files.createDirectories(OUT);
		CertificateWorkbench workbench = new CertificateWorkbench(Files.createTempDirectory("bench-keys"),
				SampleFiles.pngWithTransparency());
		AtomicInteger sequence = new AtomicInteger();
		BenchmarkReport report = new BenchmarkReport();
		int cores = Runtime.getRuntime().availableProcessors();
		for (int threads : new int[] { 1, cores }) {
			Rounds unsigned = Rounds.measure("Unsigned PDF/A licence page, PDFBox, " + threads + " thread(s)",
					"certificates/s", WARM_UP_ROUNDS, ROUNDS, () -> Load.casesPerSecond(
							workers(threads, () -> workbench.unsigned(sequence.incrementAndGet())), CERTIFICATES_PER_ROUND));
			Rounds signed = Rounds.measure("Signed (PAdES) PDF/A licence page, " + threads + " thread(s)",
					"certificates/s", WARM_UP_ROUNDS, ROUNDS, () -> Load.casesPerSecond(
							workers(threads, () -> workbench.signed(sequence.incrementAndGet())), CERTIFICATES_PER_ROUND));
			report.add(unsigned);
			report.add(signed);
			report.ratio("Signed cost / unsigned cost, " + threads + " thread(s)", unsigned.median() / signed.median(),
					"<= 3");
		}
		report.write(OUT);
		System.out.println();
		System.out.println(report.markdown());
	}

	private static List<Load.Worker> workers(int threads, Runnable certificate) {
		List<Load.Worker> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			workers.add(certificate::run);
		}
		return workers;
	}

}
