package pe.tramita.costing;

import java.math.BigDecimal;

/**
 * Whether a TUPA fee (derecho de tramitación) is lawful against the procedure's cost. TUO de la Ley 27444 (D.S.
 * 004-2019-JUS), arts. 53–54, as read for this check (the article numbers are not confirmed from a source here, see
 * DOMAIN.md): the fee follows the cost of the whole procedure and may not exceed it; a cost above 1 UIT may be charged
 * only under the exception regime set by supreme decree of PCM and MEF.
 */
public record FeeCheck(Verdict verdict, BigDecimal fee, BigDecimal cost, BigDecimal uit, BigDecimal excess) {

	public enum Verdict {

		/** No fee. */
		GRATUITO,
		/** Within the cost and under 1 UIT. */
		CONFORME,
		/** Above the cost: a fee the law does not allow, a bureaucratic barrier INDECOPI can order removed. */
		EXCEDE_EL_COSTO,
		/** Not above the cost, but above 1 UIT: lawful only with the exception regime. */
		REQUIERE_EXCEPCION

	}

	public static FeeCheck of(BigDecimal fee, BigDecimal cost, BigDecimal uit) {
		if (fee == null || fee.signum() == 0) {
			return new FeeCheck(Verdict.GRATUITO, BigDecimal.ZERO, cost, uit, BigDecimal.ZERO);
		}
		if (fee.compareTo(cost) > 0) {
			return new FeeCheck(Verdict.EXCEDE_EL_COSTO, fee, cost, uit, fee.subtract(cost));
		}
		if (uit != null && fee.compareTo(uit) > 0) {
			return new FeeCheck(Verdict.REQUIERE_EXCEPCION, fee, cost, uit, fee.subtract(uit));
		}
		return new FeeCheck(Verdict.CONFORME, fee, cost, uit, BigDecimal.ZERO);
	}

	public boolean lawful() {
		return verdict == Verdict.GRATUITO || verdict == Verdict.CONFORME;
	}

}
