package pe.tramita.request;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import pe.tramita.text.MailAddress;
import pe.tramita.text.VisibleText;

/**
 * Who applies: identity, contact and the sworn statement. The procedure's own fields come from its BPMN model.
 */
public record ApplicantForm(
		@NotNull(message = "{field.required}") IdentityDocumentType documentType,
		@NotBlank(message = "{field.required}") String documentNumber,
		@NotBlank(message = "{field.required}") @VisibleText @Size(max = 160, message = "{field.tooLong}") String applicantName,
		@NotBlank(message = "{field.required}") @Email(message = "{email.invalid}") @MailAddress @Size(max = 160, message = "{field.tooLong}") String email,
		@Pattern(regexp = "^$|^\\+?[0-9 ]{6,15}$", message = "{phone.invalid}") String phone,
		// a Boolean, so that a form posted without the box (no browser's hidden marker either) is still bound and every
		// other field still checked: absent or unticked, the same one message
		@NotNull(message = "{declaration.required}") @AssertTrue(message = "{declaration.required}") Boolean declarationAccepted,
		// express authorisation to be notified by e-mail (TUO Ley 27444, art. 20.4); without it (or absent), in person
		Boolean emailNotificationAccepted) implements IdentifiedApplicant {

	public static ApplicantForm empty() {
		return new ApplicantForm(IdentityDocumentType.DNI, "", "", "", "", false, false);
	}

	ApplicantForm trimmed() {
		return new ApplicantForm(documentType, strip(documentNumber), strip(applicantName), strip(email), strip(phone),
				declarationAccepted, Boolean.TRUE.equals(emailNotificationAccepted));
	}

	private static String strip(String value) {
		return value == null ? null : value.strip();
	}

}
