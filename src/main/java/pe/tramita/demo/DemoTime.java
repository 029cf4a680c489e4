package pe.tramita.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import pe.tramita.TramitaApplication;

/**
 * The demo's clock: real time, except while the demo's year of history is being worked, when it and the engine's clock
 * stand at each step's moment, so that every date the history shows was recorded by the engine itself. Pages answer
 * "being prepared" meanwhile, so nobody sees the clock move.
 */
@Component
@Primary
@ConditionalOnProperty(name = "tramita.demo", havingValue = "true")
class DemoTime extends Clock implements DemoHistory.TimeMachine {

	private volatile Instant fixed;

	@Override
	public void travelTo(Instant moment) {
		fixed = moment;
		ClockUtil.setCurrentTime(Date.from(moment));
	}

	@Override
	public void backToNow() {
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
