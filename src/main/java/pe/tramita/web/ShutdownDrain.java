package pe.tramita.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A node behind nginx that is told to stop first makes nginx stop sending to it, and only then closes its port.
 * Closing at once resets the connections the kernel had already accepted for it: a POST nginx had written into one
 * (a filing) is never sent again (nginx resends no POST), so the citizen would see an error.
 * <p>
 * While draining ({@code tramita.shutdown.drain} at most, 0 = never, for a node without a proxy), each GET or HEAD
 * is answered 502, the one answer nginx both sends on to the next node and counts as this node's failure
 * ({@code max_fails=1}: left out for {@code fail_timeout}); every other request is served as usual. The drain ends
 * once no request has come for {@code tramita.shutdown.drain-quiet}, then the server's graceful shutdown finishes what
 * is in flight. Monitoring ({@code /actuator/}, read on the node's own port) is never refused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ShutdownDrain extends OncePerRequestFilter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private final Duration longest;

	private final Duration quiet;

	private final AtomicBoolean draining = new AtomicBoolean();

	private final AtomicLong lastRequest = new AtomicLong(System.nanoTime());

	private volatile boolean running;

	ShutdownDrain(@Value("${tramita.shutdown.drain:PT0S}") Duration longest,
			@Value("${tramita.shutdown.drain-quiet:PT1S}") Duration quiet) {
		this.longest = longest;
		this.quiet = quiet;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean monitoring = request.getRequestURI().startsWith(request.getContextPath() + "/actuator/");
		if (!draining.get() || monitoring) {
			chain.doFilter(request, response);
			return;
		}
		lastRequest.set(System.nanoTime());
		if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
			response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
			response.setHeader("Connection", "close");
			response.setHeader("Retry-After", "1");
			response.setContentType("text/plain;charset=UTF-8");
			response.getOutputStream().write("Este nodo se está deteniendo: vuelva a intentarlo.\n"
				.getBytes(StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	public void start() {
		running = true;
	}

	/** Before anything else stops (the highest phase), and before the web server's graceful shutdown. */
	@Override
	public void stop() {
		running = false;
		if (longest.isZero() || longest.isNegative()) {
			return;
		}
		long began = System.nanoTime();
		lastRequest.set(began);
		draining.set(true);
		try {
			while (System.nanoTime() - lastRequest.get() < quiet.toNanos()
					&& System.nanoTime() - began < longest.toNanos()) {
				Thread.sleep(50);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		log.info("Drained in {} ms: the proxy sends no more requests here", (System.nanoTime() - began) / 1_000_000);
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
