package pe.tramita;

import java.util.TimeZone;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@EnableProcessApplication
public class TramitaApplication {

	public static final String TIME_ZONE = "America/Lima";

	public static void main(String[] args) {
		useLimaTime();
		SpringApplication.run(TramitaApplication.class, args);
	}

	/** Legal terms run in Peruvian time whatever the server's clock says. */
	public static void useLimaTime() {
		TimeZone.setDefault(TimeZone.getTimeZone(TIME_ZONE));
	}

}
