package pe.tramita.certificate;

/** Who signs a municipality's documents, and the coat of arms printed above them; every part may be absent. */
record Signatory(String officerName, String officerTitle, byte[] coatOfArms) {

	static final Signatory NONE = new Signatory(null, null, null);

}
