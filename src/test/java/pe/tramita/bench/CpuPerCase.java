package pe.tramita.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The CPU time one JVM spends per case, round by round, beside the case rate of the same rounds: the process's CPU
 * time over the round (all its threads: the JIT compilers and the garbage collector too) divided by the round's
 * cases. Steadier than the rate on a machine whose cores are shared with the load's clients and PostgreSQL.
 */
final class CpuPerCase {

	interface CpuClock {

		/** CPU seconds the JVM has used so far. */
		double seconds() throws Exception;

	}

	private final List<Double> millisPerCase = new ArrayList<>();

	private final CpuClock clock;

	private final int cases;

	CpuPerCase(CpuClock clock, int cases) {
		this.clock = clock;
		this.cases = cases;
	}

	/** The round, also noting its CPU per case. */
	Callable<Double> around(Callable<Double> round) {
		return () -> {
			double before = clock.seconds();
			double rate = round.call();
			millisPerCase.add((clock.seconds() - before) * 1000 / cases);
			return rate;
		};
	}

	/** The rounds after the warm-up ones. */
	Rounds measured(String name, int warmUps) {
		return new Rounds(name, "ms/case", List.copyOf(millisPerCase.subList(warmUps, millisPerCase.size())));
	}

	/** CPU seconds of this JVM (the test's own, where the bare engine runs). */
	static double ownJvmSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
	}

}
