package pe.tramita.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import pe.tramita.support.Staff;
import pe.tramita.support.TestTime;
import pe.tramita.support.TramitaTest;

/**
 * Wrong passwords slow an account down for a while and never lock it for good (a stranger could otherwise lock any
 * clerk out until an administrator steps in); passwords must pass the engine's policy, the first administrator's too.
 */
@TramitaTest
class LoginProtectionTests {

	@Autowired
	Staff staff;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	CamundaIdentityAuthenticationProvider provider;

	@AfterEach
	void realTime() {
		TestTime.reset();
	}

	@Test
	void wrongPasswordsDelayTheAccountButNeverLockItForGood() {
		String clerk = staff.create("t.demorado", "mesa-de-partes", Staff.CAJAMARCA);
		Date now = new Date();
		for (int attempt = 1; attempt <= 15; attempt++) {
			// each wrong attempt after the delay of the one before has passed, as a patient attacker would
			now = new Date(now.getTime() + Duration.ofMinutes(6).toMillis());
			TestTime.set(now);
			assertThatThrownBy(() -> logIn(clerk, "no-es-la-clave")).isInstanceOf(BadCredentialsException.class);
		}
		assertThatThrownBy(() -> logIn(clerk, Staff.PASSWORD)).as("the right password waits out the delay too")
			.isInstanceOf(BadCredentialsException.class);

		TestTime.set(new Date(now.getTime() + Duration.ofMinutes(6).toMillis()));
		assertThat(logIn(clerk, Staff.PASSWORD)).as("after the delay, without an administrator").isEqualTo(clerk);
	}

	@Test
	void aWeakPasswordIsRefused() {
		User weak = identityService.newUser("t.clave-debil");
		weak.setPassword("a");
		assertThatThrownBy(() -> identityService.saveUser(weak)).isInstanceOf(ProcessEngineException.class);
		assertThat(identityService.createUserQuery().userId("t.clave-debil").count()).isZero();
		for (String weakOne : new String[] { "a", "tramita", "tramita2026", "Tramita2026" }) {
			assertThat(identityService.checkPasswordAgainstPolicy(weakOne).isValid()).as(weakOne).isFalse();
		}
		assertThat(identityService.checkPasswordAgainstPolicy("Cajamarca-2026!").isValid()).isTrue();
	}

	@Test
	void theFirstAdministratorNeedsAStrongPassword() {
		IdentitySetup weak = new IdentitySetup(identityService, authorizationService, "t.primer-admin", "tramita");
		assertThatThrownBy(weak::setUp).hasMessageContaining("TRAMITA_ADMIN_PASSWORD");
		assertThat(identityService.createUserQuery().userId("t.primer-admin").count()).isZero();
		// strong, but made of the account's own name: refused with the policy's reason, not halfway through the start
		IdentitySetup named = new IdentitySetup(identityService, authorizationService, "t.primer-admin", "Tramita-2026!");
		assertThatThrownBy(named::setUp).hasMessageContaining("TRAMITA_ADMIN_PASSWORD").hasMessageContaining("name");
		assertThat(identityService.createUserQuery().userId("t.primer-admin").count()).isZero();

		new IdentitySetup(identityService, authorizationService, "t.primer-admin", "Cajamarca-2026!").setUp();
		assertThat(identityService.checkPassword("t.primer-admin", "Cajamarca-2026!")).isTrue();
	}

	private String logIn(String user, String password) {
		return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password)).getName();
	}

}
