package pe.tramita.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import pe.tramita.TramitaApplication;

/**
 * The application's clock in tests: a test sets "now" here and the engine's clock follows, so cases, tasks and their
 * history carry the same instants. {@link #reset()} goes back to real time.
 */
@Component
@Primary
public class TestTime extends Clock {

	private static volatile Instant fixed;

	public static void set(Date now) {
		fixed = now.toInstant();
		ClockUtil.setCurrentTime(now);
	}

	public static void reset() {
		fixed = null;
		ClockUtil.reset();
	}

	@Override
	public Instant instant() {
		Instant now = fixed;
		return now == null ? Instant.now() : now;
	}

	@Override
	public ZoneId getZone() {
		return TramitaApplication.LIMA;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

}
