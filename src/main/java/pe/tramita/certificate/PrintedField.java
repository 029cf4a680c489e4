package pe.tramita.certificate;

/** One labelled line of a certificate: the label is a message key, the value is printed as it is. */
public record PrintedField(String label, String value) {
}
