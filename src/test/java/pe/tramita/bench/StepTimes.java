package pe.tramita.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Client-side time of each kind of request a virtual user makes: where a case's time goes. */
class StepTimes {

	interface Step<T> {

		T run() throws Exception;

	}

	private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	/** The step this thread is timing: its requests carry it to the server's access log (header X-Bench-Step). */
	static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	<T> T time(String step, Step<T> work) throws Exception {
		long start = System.nanoTime();
		CURRENT.set(step);
		try {
			return work.run();
		}
		finally {
			CURRENT.remove();
			nanos.computeIfAbsent(step, k -> new LongAdder()).add(System.nanoTime() - start);
			counts.computeIfAbsent(step, k -> new LongAdder()).increment();
		}
	}

	void reset() {
		nanos.clear();
		counts.clear();
	}

	/** Mean milliseconds per request, by step. */
	Map<String, Double> meanMillis() {
		Map<String, Double> means = new TreeMap<>();
		nanos.forEach((step, total) -> means.put(step, total.sum() / 1e6 / counts.get(step).sum()));
		return means;
	}

}
