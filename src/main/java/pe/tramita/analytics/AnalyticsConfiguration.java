package pe.tramita.analytics;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The cycle time recorder runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AnalyticsConfiguration {
}
