package pe.tramita.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * A procedure as its TUPA entry describes it ({@code processes/<key>/procedure.yml}). An {@code internal} one (e.g. a
 * minor purchase) is started by a municipal office, not by citizens, and is not part of the public TUPA.
 */
public record Procedure(String key, String processKey, String name, String summary, List<String> legalBasis,
		Qualification qualification, Silence silence, int termBusinessDays, BigDecimal feeSoles,
		String receivingOffice, String decidingOffice, String decidingAuthority, String reconsiderationAuthority,
		String appealAuthority, List<Requirement> requirements, boolean internal) {

	public enum Qualification {

		APROBACION_AUTOMATICA, EVALUACION_PREVIA

	}

	public enum Silence {

		POSITIVO, NEGATIVO, NINGUNO

	}

	public record Requirement(String id, String name, boolean upload, boolean required) {
	}

	/** The same procedure with a municipality's own term and fee. */
	public Procedure withTermAndFee(int termBusinessDays, BigDecimal feeSoles) {
		return new Procedure(key, processKey, name, summary, legalBasis, qualification, silence, termBusinessDays,
				feeSoles, receivingOffice, decidingOffice, decidingAuthority, reconsiderationAuthority,
				appealAuthority, requirements, internal);
	}

	public List<Requirement> uploads() {
		return requirements.stream().filter(Requirement::upload).toList();
	}

}
