package pe.tramita.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * The whole application on a real embedded PostgreSQL and the real engine, one context shared by every test class
 * that carries this annotation (its cluster lives in {@code target/test-data/run-<pid>}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
// metrics as in production (Spring Boot's tests leave their export out): the Prometheus endpoint is tested
@AutoConfigureObservability
@ActiveProfiles("test")
@ContextConfiguration(initializers = { TestDataDirectory.class, TestMailServer.class })
@TestExecutionListeners(listeners = RealCsrfTokens.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface TramitaTest {
}
