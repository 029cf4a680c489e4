package pe.tramita.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says why a second node on the embedded database did not start, and what to do instead, without a stack trace. */
class SecondNodeFailureAnalyzer extends AbstractFailureAnalyzer<SecondNodeRefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SecondNodeRefusedException cause) {
		return new FailureAnalysis(cause.getMessage(), SecondNodeRefusedException.ACTION, cause);
	}

}
