package pe.tramita.request;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** Rules that span fields: the identity number's format depends on the document type. */
public class ApplicantValidator implements Validator {

	@Override
	public boolean supports(Class<?> clazz) {
		return IdentifiedApplicant.class.isAssignableFrom(clazz);
	}

	@Override
	public void validate(Object target, Errors errors) {
		IdentifiedApplicant form = (IdentifiedApplicant) target;
		String number = form.documentNumber() == null ? "" : form.documentNumber().strip();
		if (form.documentType() != null && !number.isEmpty() && !form.documentType().accepts(number)) {
			errors.rejectValue("documentNumber", "documentNumber.invalid." + form.documentType().name());
		}
	}

}
