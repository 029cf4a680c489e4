package pe.tramita.costing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import pe.tramita.catalog.Procedure.Requirement;
import pe.tramita.costing.RequirementCheck.Finding;
import pe.tramita.costing.RequirementCheck.Kind;

/** Planted violations are caught with their rule; lawful requirements, including the shipped licence's, pass. */
class RequirementCheckTests {

	@Test
	void plantedViolationsAreCaughtWithTheirRule() {
		Map<String, Kind> found = kinds(List.of("Copia simple del DNI del solicitante",
				"Certificado de Antecedentes Policiales vigente", "Partida de nacimiento del titular",
				"Constancia de no adeudo emitida por la Municipalidad", "Copia legalizada del título profesional",
				"Certificado domiciliario", "Vigencia de poder del representante legal",
				"Planos de ubicación firmados por el profesional responsable"));

		assertThat(found).containsEntry("Copia simple del DNI del solicitante", Kind.PROHIBIDO)
			.containsEntry("Certificado de Antecedentes Policiales vigente", Kind.PROHIBIDO)
			.containsEntry("Partida de nacimiento del titular", Kind.PROHIBIDO)
			.containsEntry("Constancia de no adeudo emitida por la Municipalidad", Kind.PROHIBIDO)
			.containsEntry("Copia legalizada del título profesional", Kind.DECLARACION_JURADA)
			.containsEntry("Certificado domiciliario", Kind.DECLARACION_JURADA)
			.containsEntry("Vigencia de poder del representante legal", Kind.LO_OBTIENE_LA_ENTIDAD)
			.containsEntry("Planos de ubicación firmados por el profesional responsable", Kind.PERMITIDO);
		Finding dni = RequirementCheck.classify(requirement("Copia simple del DNI del solicitante"));
		assertThat(dni.rule()).contains("D.Leg. 1246", "DNI");
	}

	@Test
	void anApplicationThatOnlyNamesTheDniIsNotACopyOfIt() {
		assertThat(RequirementCheck.classify(requirement(
				"Solicitud con carácter de declaración jurada (RUC y DNI o carné de extranjería del solicitante)")).kind())
			.isEqualTo(Kind.PERMITIDO);
	}

	private static Map<String, Kind> kinds(List<String> names) {
		return RequirementCheck.of(names.stream().map(RequirementCheckTests::requirement).toList()).stream()
			.collect(Collectors.toMap(f -> f.requirement().name(), Finding::kind));
	}

	private static Requirement requirement(String name) {
		return new Requirement(name.toLowerCase().replace(' ', '-'), name, true, true, null, null);
	}

}
