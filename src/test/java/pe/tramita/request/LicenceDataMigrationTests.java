package pe.tramita.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import pe.tramita.support.TramitaTest;

/**
 * V22 moves a business licence filed before its form was in its model into the case's form data: in a schema of its
 * own, the migrations up to V21, a licence as that version stored it, then V22.
 */
@TramitaTest
class LicenceDataMigrationTests {

	static final String SCHEMA = "legacy_v21";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void dropTheSchema() {
		jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
	}

	@Test
	void aLicenceFiledBeforeKeepsWhatTheCitizenTypedAsFormData() {
		migrateTo("21");
		jdbc.update("""
				INSERT INTO legacy_v21.expediente (case_number, ubigeo, year, sequence, procedure_key, access_code_hash,
				    status, applicant_document_type, applicant_document_number, applicant_name, applicant_email, ruc,
				    business_name, trade_name, address, activity, area_m2, declared_risk, filed_at)
				VALUES ('060101-2026-000001', '060101', 2026, 1, 'licencia-funcionamiento', repeat('0', 64), 'EN_TRAMITE',
				    'DNI', '45678912', 'Juana Quispe Ñahui', 'juana@example.pe', '20131312955', 'Bodega Doña Juana E.I.R.L.',
				    NULL, 'Jr. Del Comercio 456', 'Venta de abarrotes', 35.75, 'MUY_ALTO', now())""");
		migrateTo("22");

		Map<String, Object> migrated = jdbc.queryForMap(
				"SELECT application_values::text AS vals, application_data::text AS data FROM legacy_v21.expediente");
		assertThat(migrated.get("vals").toString()).contains("\"ruc\": \"20131312955\"",
				"\"businessName\": \"Bodega Doña Juana E.I.R.L.\"", "\"areaM2\": \"35.75\"", "\"riskLevel\": \"MUY_ALTO\"")
			.doesNotContain("tradeName");
		assertThat(migrated.get("data").toString()).contains(
				"{\"label\": \"RUC\", \"value\": \"20131312955\"}",
				"{\"label\": \"Área del establecimiento (m²)\", \"value\": \"35.75\"}",
				"{\"label\": \"Nivel de riesgo declarado (matriz ITSE)\", \"value\": \"Muy alto\"}")
			.doesNotContain("Nombre comercial");
		assertThat(jdbc.queryForObject("SELECT ruc FROM legacy_v21.case_summary", String.class))
			.as("the task list still finds it by RUC").isEqualTo("20131312955");
	}

	private void migrateTo(String version) {
		Flyway.configure().dataSource(dataSource).schemas(SCHEMA).defaultSchema(SCHEMA).createSchemas(true)
			.locations("classpath:db/migration").target(version).load().migrate();
	}

}
