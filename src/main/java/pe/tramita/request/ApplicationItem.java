package pe.tramita.request;

/** One line of what the citizen filled in, as the model labelled it. */
public record ApplicationItem(String label, String value) {
}
