package pe.tramita.request;

import java.math.BigDecimal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import pe.tramita.text.MailAddress;
import pe.tramita.text.VisibleText;

/** What a citizen fills in to apply for a business operating licence. */
public record ApplicationForm(
		@NotNull(message = "{field.required}") IdentityDocumentType documentType,
		@NotBlank(message = "{field.required}") String documentNumber,
		@NotBlank(message = "{field.required}") @VisibleText @Size(max = 160, message = "{field.tooLong}") String applicantName,
		@NotBlank(message = "{field.required}") @Email(message = "{email.invalid}") @MailAddress @Size(max = 160, message = "{field.tooLong}") String email,
		@Pattern(regexp = "^$|^\\+?[0-9 ]{6,15}$", message = "{phone.invalid}") String phone,
		@NotBlank(message = "{field.required}") @Ruc String ruc,
		@NotBlank(message = "{field.required}") @VisibleText @Size(max = 200, message = "{field.tooLong}") String businessName,
		@VisibleText @Size(max = 200, message = "{field.tooLong}") String tradeName,
		@NotBlank(message = "{field.required}") @VisibleText @Size(max = 250, message = "{field.tooLong}") String address,
		@NotBlank(message = "{field.required}") @VisibleText @Size(max = 250, message = "{field.tooLong}") String activity,
		@NotNull(message = "{field.required}") @DecimalMin(value = "1", message = "{area.range}") @DecimalMax(value = "100000", message = "{area.range}") @Digits(integer = 6, fraction = 2, message = "{area.range}") BigDecimal areaM2,
		@NotNull(message = "{field.required}") RiskLevel riskLevel,
		@AssertTrue(message = "{declaration.required}") boolean declarationAccepted) implements IdentifiedApplicant {

	public static ApplicationForm empty() {
		return new ApplicationForm(IdentityDocumentType.DNI, "", "", "", "", "", "", "", "", "", null, null, false);
	}

	/** Trimmed copy, so that stored values carry no stray blanks. */
	public ApplicationForm trimmed() {
		return new ApplicationForm(documentType, trim(documentNumber), trim(applicantName), trim(email), trim(phone),
				trim(ruc), trim(businessName), trim(tradeName), trim(address), trim(activity), areaM2, riskLevel,
				declarationAccepted);
	}

	private static String trim(String value) {
		return value == null ? null : value.strip();
	}

}
