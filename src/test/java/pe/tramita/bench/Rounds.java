package pe.tramita.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** A measurement repeated in rounds after a warm-up: median and spread of what each round measured. */
record Rounds(String name, String unit, List<Double> values) {

	static Rounds measure(String name, String unit, int warmups, int rounds, Callable<Double> round) throws Exception {
		for (int i = 0; i < warmups; i++) {
			round.call();
		}
		List<Double> values = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			values.add(round.call());
		}
		return new Rounds(name, unit, List.copyOf(values));
	}

	static Rounds single(String name, String unit, double value) {
		return new Rounds(name, unit, List.of(value));
	}

	/** The sample at or below which {@code percent} % of the samples lie (nearest rank). */
	static double percentile(List<Double> samples, int percent) {
		List<Double> sorted = samples.stream().sorted().toList();
		return sorted.get((int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
	}

	double median() {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	double min() {
		return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
	}

	double max() {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

	/** Half the range relative to the median, in percent: how far the rounds strayed. */
	double spreadPercent() {
		return values.size() < 2 ? 0 : (max() - min()) / 2 / median() * 100;
	}

}
