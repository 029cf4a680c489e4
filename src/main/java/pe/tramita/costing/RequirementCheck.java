package pe.tramita.costing;

import java.util.List;
import java.util.regex.Pattern;

import pe.tramita.catalog.Procedure.Requirement;
import pe.tramita.text.SearchText;

/**
 * Each TUPA requirement classified against the documents the State may not demand: D.Leg. 1246 (2016) forbids asking
 * for copies of the DNI, birth and death certificates, police, judicial and criminal records, and anything the entity
 * holds or can obtain from another entity; the TUO de la Ley 27444 lets sworn statements and simple copies replace
 * certificates and legalised copies. The rules read the requirement's wording (accents and case ignored), so a
 * requirement worded in a way no rule knows is {@link Kind#PERMITIDO}: the advisor still reads every line.
 */
public final class RequirementCheck {

	public enum Kind {

		/** Forbidden: the requirement must go. */
		PROHIBIDO,
		/** The entity can get it itself (another entity's register, its own files): ask for the data, not the paper. */
		LO_OBTIENE_LA_ENTIDAD,
		/** A sworn statement (or a simple copy) replaces it. */
		DECLARACION_JURADA,
		PERMITIDO

	}

	/** One requirement's verdict, with the rule that gave it. */
	public record Finding(Requirement requirement, Kind kind, String rule) {
	}

	private record Rule(Pattern pattern, Kind kind, String basis) {
	}

	private static final List<Rule> RULES = List.of(
			rule("copia.*\\b(dni|documento nacional de identidad)\\b|\\b(dni|documento nacional de identidad)\\b.*copia",
					Kind.PROHIBIDO, "D.Leg. 1246: no se exige copia del DNI"),
			rule("partida de (nacimiento|defuncion)|acta de (nacimiento|defuncion)", Kind.PROHIBIDO,
					"D.Leg. 1246: no se exigen partidas de nacimiento ni de defunción"),
			rule("antecedentes (policiales|penales|judiciales)", Kind.PROHIBIDO,
					"D.Leg. 1246: no se exigen certificados de antecedentes policiales, penales ni judiciales"),
			rule("(constancia|certificado|copia).*(emitid[oa]|otorgad[oa]|expedid[oa]) por (esta|la) municipalidad|"
					+ "(recibo|comprobante) de pago de (arbitrios|impuesto predial)", Kind.PROHIBIDO,
					"D.Leg. 1246: no se pide información que la propia entidad posee"),
			rule("vigencia de poder|partida registral|copia literal|ficha ruc|ficha registral", Kind.LO_OBTIENE_LA_ENTIDAD,
					"D.Leg. 1246: la entidad la obtiene de SUNARP o SUNAT; basta el número de partida o de RUC"),
			rule("certificado (domiciliario|de domicilio)|certificado de (buena )?salud|certificado de trabajo",
					Kind.DECLARACION_JURADA, "TUO de la Ley 27444: una declaración jurada reemplaza el certificado"),
			rule("copia (legalizada|fedateada|autenticada|certificada)", Kind.DECLARACION_JURADA,
					"TUO de la Ley 27444: una copia simple reemplaza la copia legalizada o fedateada"));

	private RequirementCheck() {
	}

	private static Rule rule(String regex, Kind kind, String basis) {
		return new Rule(Pattern.compile(regex), kind, basis);
	}

	public static List<Finding> of(List<Requirement> requirements) {
		return requirements.stream().map(RequirementCheck::classify).toList();
	}

	public static Finding classify(Requirement requirement) {
		String text = SearchText.fold(requirement.name());
		for (Rule rule : RULES) {
			if (rule.pattern().matcher(text).find()) {
				return new Finding(requirement, rule.kind(), rule.basis());
			}
		}
		return new Finding(requirement, Kind.PERMITIDO, null);
	}

}
