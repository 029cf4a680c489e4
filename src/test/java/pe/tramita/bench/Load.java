package pe.tramita.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a fixed number of cases over a fixed number of threads and answers cases per second. */
final class Load {

	interface Worker {

		void completeOneCase() throws Exception;

	}

	private Load() {
	}

	static double casesPerSecond(List<? extends Worker> workers, int cases) throws Exception {
		AtomicInteger remaining = new AtomicInteger(cases);
		ExecutorService pool = Executors.newFixedThreadPool(workers.size());
		try {
			long start = System.nanoTime();
			List<Future<?>> running = new ArrayList<>();
			for (Worker worker : workers) {
				running.add(pool.submit(() -> {
					while (remaining.getAndDecrement() > 0) {
						worker.completeOneCase();
					}
					return null;
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
			return cases / ((System.nanoTime() - start) / 1e9);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
