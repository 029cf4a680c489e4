package pe.tramita.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/** Errors a visitor can meet, as pages in their language, never a stack trace. */
@ControllerAdvice
class ErrorPages {

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ModelAndView notFound() {
		return page("error.notFound");
	}

	@ExceptionHandler(AccessDeniedException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	ModelAndView forbidden() {
		return page("error.forbidden");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	@ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
	ModelAndView uploadTooLarge() {
		return page("upload.requestTooLarge");
	}

	/** A multipart body that does not parse (cut short, no boundary, a broken part). */
	@ExceptionHandler(MultipartException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ModelAndView brokenMultipart() {
		return page("error.badRequest");
	}

	@ExceptionHandler(ControlCharacterGuard.ControlCharacterException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ModelAndView controlCharacter() {
		return page("error.controlCharacter");
	}

	/**
	 * The database is away (restarting, the network cut): nothing of the request was saved, and the proxy or the
	 * visitor may try again shortly. A 503, not an error of ours.
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class })
	ModelAndView databaseAway(HttpServletResponse response) {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, "30");
		return page("error.unavailable");
	}

	private static ModelAndView page(String messageKey) {
		ModelAndView page = new ModelAndView("error");
		page.addObject("messageKey", messageKey);
		return page;
	}

}
