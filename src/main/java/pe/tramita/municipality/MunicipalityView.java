package pe.tramita.municipality;

/** A municipality; its UBIGEO is also its Camunda tenant id. */
public record MunicipalityView(String ubigeo, String name, String province, String district, MunicipalityKind kind) {
}
