package pe.tramita.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A program the tests run to the end (initdb, pg_ctl, openssl...), failing with what it printed. */
public final class Commands {

	private Commands() {
	}

	/** Runs {@code command} and answers what it printed; fails when it does not end well within two minutes. */
	public static String run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
		}
		return output;
	}

}
