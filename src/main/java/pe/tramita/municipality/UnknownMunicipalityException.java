package pe.tramita.municipality;

import pe.tramita.web.NotFoundException;

public class UnknownMunicipalityException extends NotFoundException {

	public UnknownMunicipalityException(String ubigeo) {
		super("Unknown municipality " + ubigeo);
	}

}
