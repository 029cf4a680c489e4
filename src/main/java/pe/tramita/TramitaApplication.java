package pe.tramita;

import java.time.Clock;
import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class TramitaApplication {

	public static final String TIME_ZONE = "America/Lima";

	/** Peru's time: legal terms, dates on pages and documents. */
	public static final ZoneId LIMA = ZoneId.of(TIME_ZONE);

	public static void main(String[] args) {
		useLimaTime();
		SpringApplication.run(TramitaApplication.class, args);
	}

	/** Every "now" of the application; tests that move time replace it, and the engine's clock follows theirs. */
	@Bean
	Clock clock() {
		return Clock.system(LIMA);
	}

	/** Legal terms run in Peruvian time whatever the server's clock says. */
	public static void useLimaTime() {
		TimeZone.setDefault(TimeZone.getTimeZone(TIME_ZONE));
	}

}
