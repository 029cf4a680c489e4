package pe.tramita.certificate;

/** One labelled line of a certificate: the label is a message key (or, from a model's form, the label itself). */
public record PrintedField(String label, String value) {
}
