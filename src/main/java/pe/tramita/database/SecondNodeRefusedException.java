package pe.tramita.database;

/** A node that would share the embedded database with another: refused before it touches anything. */
public class SecondNodeRefusedException extends IllegalStateException {

	static final String ACTION = "The embedded database serves one node. To run several nodes, give all of them one "
			+ "PostgreSQL server through SPRING_DATASOURCE_URL (README, \"Run in production\").";

	SecondNodeRefusedException(String message) {
		super(message);
	}

}
