package pe.tramita.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import pe.tramita.request.RiskLevel;
import pe.tramita.support.Applications;
import pe.tramita.support.TramitaTest;

/** Certificate numbers are sequential per municipality, type and year: no gap and no duplicate under concurrency. */
@TramitaTest
class CertificateNumberingTests {

	/** Chetilla: no other test issues there, so the series is this test's alone. */
	static final String CHETILLA = "060103";

	@Autowired
	Applications applications;

	@Autowired
	Certificates certificates;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aHundredConcurrentIssuancesWithSomeRolledBackLeaveNoGapAndNoDuplicate() throws Exception {
		List<Long> cases = IntStream.range(0, 100)
			.mapToObj(i -> applications.fileLicenceCase(CHETILLA, RiskLevel.BAJO))
			.toList();
		int before = issuedSoFar();

		// as many issuers as the pool has connections: all of them wait on the counter's row at once; more threads
		// would wait for a connection instead (5 s at most), which tests the pool, not the numbering
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		for (int i = 0; i < cases.size(); i++) {
			long expedienteId = cases.get(i);
			boolean rollBack = i % 10 == 7;
			Callable<String> issue = () -> {
				start.await();
				return transactions.execute(tx -> {
					String number = certificates.issueLicence(expedienteId, "BAJO").number();
					if (rollBack) {
						tx.setRollbackOnly(); // e.g. the engine fails the step after the certificate was issued
						return null;
					}
					return number;
				});
			};
			results.add(pool.submit(issue));
		}
		start.countDown();
		List<String> numbers = new ArrayList<>();
		for (Future<String> result : results) {
			String number = result.get(2, TimeUnit.MINUTES);
			if (number != null) {
				numbers.add(number);
			}
		}
		pool.shutdown();

		assertThat(numbers).hasSize(90).doesNotHaveDuplicates();
		List<Integer> stored = jdbc.queryForList("""
				SELECT sequence FROM tramita.certificate WHERE ubigeo = ? AND document_type = 'LICENCIA_FUNCIONAMIENTO'
				ORDER BY sequence""", Integer.class, CHETILLA);
		assertThat(stored).containsExactlyElementsOf(IntStream.rangeClosed(1, before + 90).boxed().toList());
		assertThat(numbers).allMatch(number -> number.matches("LF-\\d{4}-\\d{6}"));
		assertThat(jdbc.queryForObject("""
				SELECT max(last_value) FROM tramita.certificate_counter WHERE ubigeo = ? AND document_type = 'LICENCIA_FUNCIONAMIENTO'""",
				Integer.class, CHETILLA)).isEqualTo(before + 90);
	}

	private int issuedSoFar() {
		return jdbc.queryForObject("SELECT count(*) FROM tramita.certificate WHERE ubigeo = ?", Integer.class, CHETILLA);
	}

}
