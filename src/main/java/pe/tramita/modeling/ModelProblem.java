package pe.tramita.modeling;

import java.util.List;

/**
 * Why a model cannot be deployed: a rule ({@code model.rule.<rule>} in the message bundles, with its arguments), the
 * element it refers to and where that element is in the file (line and column; 0 when unknown).
 */
public record ModelProblem(String rule, List<Object> arguments, String elementId, int line, int column) {

	public String messageKey() {
		return "model.rule." + rule;
	}

}
