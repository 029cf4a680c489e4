package pe.tramita.request;

/** Case numbers run per municipality and year: {@code 060101-2026-000042}. */
record CaseNumber(String ubigeo, int year, int sequence) {

	String text() {
		return "%s-%d-%06d".formatted(ubigeo, year, sequence);
	}

}
