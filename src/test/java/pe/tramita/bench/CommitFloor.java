package pe.tramita.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** PostgreSQL's own limit: small committed transactions over JDBC, and how many commits a case costs. */
final class CommitFloor implements AutoCloseable {

	private final HikariDataSource dataSource;

	CommitFloor(String jdbcUrl, int threads) throws SQLException {
		HikariConfig pool = new HikariConfig();
		pool.setJdbcUrl(jdbcUrl);
		pool.setMaximumPoolSize(threads);
		this.dataSource = new HikariDataSource(pool);
		try (Connection c = dataSource.getConnection()) {
			c.createStatement().execute("CREATE TABLE IF NOT EXISTS public.bench_commit_floor (id bigserial PRIMARY KEY, n int)");
		}
	}

	/** One small transaction (an insert and its commit) per case, on as many threads as the other loads use. */
	List<Load.Worker> workers(int threads) {
		List<Load.Worker> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			workers.add(() -> {
				try (Connection c = dataSource.getConnection()) {
					c.setAutoCommit(false);
					try (PreparedStatement insert = c.prepareStatement("INSERT INTO public.bench_commit_floor (n) VALUES (1)")) {
						insert.executeUpdate();
					}
					c.commit();
				}
			});
		}
		return workers;
	}

	/** Transactions committed in this database so far, by every backend (PostgreSQL's cumulative statistics). */
	long committedTransactions() throws SQLException {
		try (Connection c = dataSource.getConnection();
				ResultSet rs = c.createStatement()
					.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	@Override
	public void close() {
		dataSource.close();
	}

}
