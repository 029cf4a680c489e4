package pe.tramita.bench;

import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.servlet.Filter;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** The server's own time for each request, from the first filter in to the response written (benchmarks only). */
@TestConfiguration
class ServerTimes {

	static final ConcurrentLinkedQueue<Double> LAST = new ConcurrentLinkedQueue<>();

	@Bean
	FilterRegistrationBean<Filter> serverTimeFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
			long start = System.nanoTime();
			try {
				chain.doFilter(request, response);
			}
			finally {
				LAST.add((System.nanoTime() - start) / 1e6);
			}
		});
		registration.setOrder(Integer.MIN_VALUE);
		return registration;
	}

}
