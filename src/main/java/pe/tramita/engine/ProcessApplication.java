package pe.tramita.engine;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.context.annotation.Configuration;

/**
 * Tramita is a Camunda process application: its models are deployed from {@code META-INF/processes.xml}. Apart from
 * the application class so that web slices (@WebMvcTest) start without the engine.
 */
@Configuration(proxyBeanMethods = false)
@EnableProcessApplication
class ProcessApplication {
}
