package pe.tramita.analytics;

import java.util.Arrays;

/**
 * Whole numbers measured in one group (thousandths of a day, business days, hundredths of an hour): their count, sum,
 * maximum and percentiles, linear between the two nearest values as PostgreSQL's {@code percentile_cont}. Values added in
 * order are not sorted again.
 */
final class Sample {

	private int[] values = new int[16];

	private int size;

	private boolean sorted = true;

	void add(int value) {
		if (size == values.length) {
			values = Arrays.copyOf(values, size * 2);
		}
		sorted &= size == 0 || values[size - 1] <= value;
		values[size++] = value;
	}

	/** Room for {@code more} values, so that adding them does not copy the array again and again. */
	void reserve(int more) {
		if (size + more > values.length) {
			values = Arrays.copyOf(values, size + more);
		}
	}

	void addIfPresent(Integer value) {
		if (value != null) {
			add(value);
		}
	}

	int size() {
		return size;
	}

	long sum() {
		long sum = 0;
		for (int i = 0; i < size; i++) {
			sum += values[i];
		}
		return sum;
	}

	int max() {
		sort();
		return size == 0 ? 0 : values[size - 1];
	}

	/** {@code fraction} between 0 and 1; 0 for an empty sample. */
	double percentile(double fraction) {
		if (size == 0) {
			return 0;
		}
		sort();
		double position = fraction * (size - 1);
		int below = (int) Math.floor(position);
		int above = (int) Math.ceil(position);
		return values[below] + (position - below) * (values[above] - values[below]);
	}

	private void sort() {
		if (sorted) {
			return;
		}
		int min = Integer.MAX_VALUE;
		int max = Integer.MIN_VALUE;
		for (int i = 0; i < size; i++) {
			min = Math.min(min, values[i]);
			max = Math.max(max, values[i]);
		}
		if ((long) max - min < COUNTING_RANGE) {
			countingSort(min, max);
		}
		else {
			Arrays.sort(values, 0, size);
		}
		sorted = true;
	}

	/** Business days span a few dozen values: counting them beats comparing them. */
	private static final int COUNTING_RANGE = 4096;

	private void countingSort(int min, int max) {
		int[] counts = new int[max - min + 1];
		for (int i = 0; i < size; i++) {
			counts[values[i] - min]++;
		}
		int i = 0;
		for (int value = 0; value < counts.length; value++) {
			for (int c = 0; c < counts[value]; c++) {
				values[i++] = value + min;
			}
		}
	}

}
