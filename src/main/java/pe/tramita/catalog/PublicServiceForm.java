package pe.tramita.catalog;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import pe.tramita.municipality.PublicService;
import pe.tramita.text.MailAddress;
import pe.tramita.text.VisibleText;

/** Where and when the municipality attends the public, as management types it; every part may stay empty. */
record PublicServiceForm(
		@VisibleText @Size(max = 200, message = "{field.tooLong}") String address,
		@VisibleText @Size(max = 300, message = "{field.tooLong}") String hours,
		@Pattern(regexp = "^$|^\\+?[0-9 ()-]{6,40}$", message = "{phone.invalid}") String phone,
		@Email(message = "{email.invalid}") @MailAddress @Size(max = 160, message = "{field.tooLong}") String email) {

	static PublicServiceForm of(PublicService service) {
		return new PublicServiceForm(service.address(), service.hours(), service.phone(), service.email());
	}

	PublicService toPublicService() {
		return new PublicService(address, hours, phone, email);
	}

}
