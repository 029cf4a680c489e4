package pe.tramita.investment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import pe.tramita.municipality.MunicipalityView;

/**
 * The open data of a municipality's projects, with a stable schema (README, "Open data: investment projects"): one
 * CSV row per project, and JSON with each project's procurements. No personal data: projects, amounts, references
 * and dates only. Amounts in soles with two decimals, shares with four, dates as yyyy-MM-dd.
 */
final class OpenInvestments {

	static final List<String> CSV_COLUMNS = List.of("codigo", "nombre", "fuente", "anio", "presupuesto", "certificado",
			"comprometido", "pagado", "ejecucion", "estado", "inicio_previsto", "fin_previsto", "dias_de_retraso",
			"oficina_responsable", "expediente_origen", "puesto_prioridad", "contrataciones");

	private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.NON_NUMERIC)
		.setRecordSeparator('\n').get();

	private OpenInvestments() {
	}

	static String csv(List<Project> projects, LocalDate today) {
		StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", CSV_COLUMNS)).append('\n');
		try (CSVPrinter printer = new CSVPrinter(csv, CSV)) {
			for (Project p : projects) {
				printer.printRecord(p.code(), p.name(), p.source().name(), p.year(), p.budget(), p.certified(),
						p.committed(), p.paid(), p.executed(), p.status().name(), p.plannedStart().toString(),
						p.plannedEnd().toString(), p.daysLate(today), p.responsibleOffice(), text(p.originCaseNumber()),
						p.priorityRank() == null ? "" : p.priorityRank(), p.procurements().size());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return csv.toString();
	}

	static Map<String, Object> json(MunicipalityView municipality, List<Project> projects, LocalDate today) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("esquema", "tramita-inversiones/1");
		data.put("municipio", Map.of("ubigeo", municipality.ubigeo(), "nombre", municipality.name()));
		data.put("fecha", today.toString());
		data.put("proyectos", projects.stream().map(p -> project(p, today)).toList());
		return data;
	}

	private static Map<String, Object> project(Project p, LocalDate today) {
		Map<String, Object> project = new LinkedHashMap<>();
		project.put("codigo", p.code());
		project.put("nombre", p.name());
		project.put("fuente", p.source().name());
		project.put("anio", p.year());
		project.put("presupuesto", p.budget());
		project.put("certificado", p.certified());
		project.put("comprometido", p.committed());
		project.put("pagado", p.paid());
		project.put("ejecucion", p.executed());
		project.put("estado", p.status().name());
		project.put("inicio_previsto", p.plannedStart().toString());
		project.put("fin_previsto", p.plannedEnd().toString());
		project.put("dias_de_retraso", p.daysLate(today));
		project.put("oficina_responsable", p.responsibleOffice());
		project.put("expediente_origen", p.originCaseNumber());
		project.put("puesto_prioridad", p.priorityRank());
		project.put("contrataciones", p.procurements().stream().map(OpenInvestments::procurement).toList());
		return project;
	}

	private static Map<String, Object> procurement(Procurement c) {
		Map<String, Object> procurement = new LinkedHashMap<>();
		procurement.put("referencia", c.reference());
		procurement.put("en_tramita", c.caseNumber() != null);
		procurement.put("descripcion", c.description());
		procurement.put("monto", c.amount());
		procurement.put("certificado_el", day(c.certifiedOn()));
		procurement.put("comprometido_el", day(c.committedOn()));
		procurement.put("conformidad_el", day(c.conformityOn()));
		procurement.put("pagado_el", day(c.paidOn()));
		return procurement;
	}

	private static String day(LocalDate date) {
		return date == null ? null : date.toString();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
