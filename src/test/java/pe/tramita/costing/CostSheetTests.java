package pe.tramita.costing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import pe.tramita.costing.CostSheet.Activity;
import pe.tramita.costing.CostSheet.Element;
import pe.tramita.costing.CostSheet.Item;
import pe.tramita.costing.CostSheet.Overhead;
import pe.tramita.costing.CostSheet.Position;

/**
 * A licence costed by hand, the way a municipal costing sheet (D.S. 064-2010-PCM) is filled in, every figure worked
 * out below and asserted: four positions, six activities, two materials, one identifiable service and four
 * non-identifiable costs spread over the minutes they support.
 */
class CostSheetTests {

	static final int MONTH = CostSheet.DEFAULT_MINUTES_PER_MONTH; // 8 h × 30 days × 60 min = 14,400

	static final BigDecimal UIT_2025 = new BigDecimal("5350.00");

	@Test
	void aLicenceCostedByHand() {
		List<Position> positions = List.of(
				// 2,160.00 / 14,400 = 0.15 a minute
				new Position("Técnico de Mesa de Partes", new BigDecimal("2160.00")),
				// 3,600.00 / 14,400 = 0.25
				new Position("Especialista en Licencias", new BigDecimal("3600.00")),
				// 3,000.00 / 14,400 = 0.208333… → 0.2083
				new Position("Inspector ITSE", new BigDecimal("3000.00")),
				// 7,200.00 / 14,400 = 0.50
				new Position("Gerente de Desarrollo Económico", new BigDecimal("7200.00")));
		List<Activity> activities = List.of(
				new Activity("Recibir y registrar la solicitud", "Técnico de Mesa de Partes", minutes(15)), // 2.25
				new Activity("Revisar requisitos", "Técnico de Mesa de Partes", minutes(20)), // 3.00
				new Activity("Clasificar el nivel de riesgo", "Especialista en Licencias", minutes(30)), // 7.50
				new Activity("Inspección ITSE", "Inspector ITSE", minutes(90)), // 90 × 0.2083 = 18.747 → 18.75
				new Activity("Resolver la solicitud", "Gerente de Desarrollo Económico", minutes(12)), // 6.00
				new Activity("Notificar la resolución", "Técnico de Mesa de Partes", minutes(10))); // 1.50
		List<Item> materials = List.of(new Item("Papel bond A4", new BigDecimal("0.03"), new BigDecimal("10")), // 0.30
				new Item("Fólder manila", new BigDecimal("0.50"), BigDecimal.ONE)); // 0.50
		List<Item> services = List.of(new Item("Movilidad para la inspección", new BigDecimal("12.00"), BigDecimal.ONE));
		BigDecimal office = BigDecimal.valueOf(4L * MONTH); // four people's minutes a month: 57,600
		List<Overhead> overheads = List.of(
				// 300 × 177 / 57,600 = 0.921875 → 0.92
				new Overhead(Element.DEPRECIACION, "Computadoras e impresora", new BigDecimal("300.00"), office),
				// 576 × 177 / 57,600 = 1.77
				new Overhead(Element.COSTOS_FIJOS, "Electricidad, teléfono e internet", new BigDecimal("576.00"), office),
				// 144 × 177 / 57,600 = 0.4425 → 0.44
				new Overhead(Element.MATERIAL_NO_FUNGIBLE, "Tóner y sellos", new BigDecimal("144.00"), office),
				// 96 × 177 / 57,600 = 0.295 → 0.30
				new Overhead(Element.SERVICIOS_TERCEROS, "Mantenimiento de equipos", new BigDecimal("96.00"), office));

		CostSheet sheet = CostSheet.of(positions, MONTH, activities, materials, services, overheads, UIT_2025);

		assertThat(sheet.activities()).extracting(a -> a.costPerMinute().toPlainString())
			.containsExactly("0.1500", "0.1500", "0.2500", "0.2083", "0.5000", "0.1500");
		assertThat(sheet.activities()).extracting(a -> a.cost().toPlainString())
			.containsExactly("2.25", "3.00", "7.50", "18.75", "6.00", "1.50");
		assertThat(sheet.totalMinutes()).isEqualByComparingTo("177");
		assertThat(sheet.materials()).extracting(l -> l.cost().toPlainString()).containsExactly("0.30", "0.50");
		assertThat(sheet.services()).extracting(l -> l.cost().toPlainString()).containsExactly("12.00");
		assertThat(sheet.nonIdentifiable()).extracting(l -> l.cost().toPlainString())
			.containsExactly("0.92", "1.77", "0.44", "0.30");
		assertThat(sheet.byElement().get(Element.PERSONAL)).isEqualByComparingTo("39.00");
		assertThat(sheet.byElement().get(Element.MATERIAL_FUNGIBLE)).isEqualByComparingTo("0.80");
		assertThat(sheet.byElement().get(Element.SERVICIO_IDENTIFICABLE)).isEqualByComparingTo("12.00");
		assertThat(sheet.byElement().get(Element.DEPRECIACION)).isEqualByComparingTo("0.92");
		assertThat(sheet.byElement().get(Element.COSTOS_FIJOS)).isEqualByComparingTo("1.77");
		assertThat(sheet.byElement().get(Element.MATERIAL_NO_FUNGIBLE)).isEqualByComparingTo("0.44");
		assertThat(sheet.byElement().get(Element.SERVICIOS_TERCEROS)).isEqualByComparingTo("0.30");
		// 39.00 + 0.80 + 12.00 = 51.80 identifiable; + 0.92 + 1.77 + 0.44 + 0.30 = 55.23
		assertThat(sheet.identifiable()).isEqualByComparingTo("51.80");
		assertThat(sheet.total()).isEqualByComparingTo("55.23");
		// 55.23 / 5,350 = 1.0323 % → 1.03 %
		assertThat(sheet.uitShare()).isEqualByComparingTo("1.03");
	}

	@Test
	void anActivityOfAPositionNobodyPricedIsRefused() {
		assertThatThrownBy(() -> CostSheet.of(List.of(new Position("Técnico", new BigDecimal("2000"))), MONTH,
				List.of(new Activity("Revisar", "Asesor externo", minutes(10))), List.of(), List.of(), List.of(), UIT_2025))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Asesor externo");
	}

	@Test
	void theFeeIsCheckedAgainstTheCostAndTheUit() {
		BigDecimal cost = new BigDecimal("55.23");
		FeeCheck above = FeeCheck.of(new BigDecimal("120.50"), cost, UIT_2025);
		assertThat(above.verdict()).isEqualTo(FeeCheck.Verdict.EXCEDE_EL_COSTO);
		assertThat(above.excess()).isEqualByComparingTo("65.27");
		assertThat(above.lawful()).isFalse();
		assertThat(FeeCheck.of(new BigDecimal("50.00"), cost, UIT_2025).verdict()).isEqualTo(FeeCheck.Verdict.CONFORME);
		assertThat(FeeCheck.of(new BigDecimal("55.23"), cost, UIT_2025).lawful()).as("the cost itself").isTrue();
		assertThat(FeeCheck.of(BigDecimal.ZERO, cost, UIT_2025).verdict()).isEqualTo(FeeCheck.Verdict.GRATUITO);
		FeeCheck costly = FeeCheck.of(new BigDecimal("5600.00"), new BigDecimal("6000.00"), UIT_2025);
		assertThat(costly.verdict()).isEqualTo(FeeCheck.Verdict.REQUIERE_EXCEPCION);
		assertThat(costly.excess()).as("above 1 UIT").isEqualByComparingTo("250.00");
	}

	private static BigDecimal minutes(int minutes) {
		return BigDecimal.valueOf(minutes);
	}

}
