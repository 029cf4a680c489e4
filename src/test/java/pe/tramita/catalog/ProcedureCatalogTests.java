package pe.tramita.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** procedure.yml as data: terms by risk level where a procedure declares them, one term otherwise. */
class ProcedureCatalogTests {

	@Test
	void aCaseGetsTheTermOfItsRiskLevelAndTheGeneralTermOtherwise() {
		Procedure procedure = ProcedureCatalog.read(new ClassPathResource("catalog/terms-by-risk.yml"));

		assertThat(procedure.termFor("BAJO")).isEqualTo(4);
		assertThat(procedure.termFor("ALTO")).isEqualTo(8);
		assertThat(procedure.termFor("MEDIO")).as("not declared").isEqualTo(15);
		assertThat(procedure.termFor(null)).isEqualTo(15);
		assertThat(procedure.withTermAndFee(10, BigDecimal.ONE).termFor("BAJO")).as("a municipality's single term")
			.isEqualTo(10);
	}

	@Test
	void everyShippedProcedureReadsAndTheLicenceDeclaresATermForEachRiskLevel() throws Exception {
		ProcedureCatalog catalog = new ProcedureCatalog();
		assertThat(catalog.all()).extracting(Procedure::key)
			.containsExactlyInAnyOrder("acceso-informacion", "contratacion-menor", "licencia-edificacion-a",
					"licencia-edificacion-b", "licencia-funcionamiento", "presupuesto-participativo", "queja-reclamo");
		Procedure licence = catalog.get("licencia-funcionamiento");
		for (String level : new String[] { "BAJO", "MEDIO", "ALTO", "MUY_ALTO" }) {
			assertThat(licence.termFor(level)).as(level).isBetween(1, 15);
		}
	}

}
