package pe.tramita.form;

import java.util.List;

/** Why a submitted value was refused: a message key of the bundles and its arguments (the field's label first). */
public record FieldError(String fieldId, String messageKey, List<Object> arguments) {
}
