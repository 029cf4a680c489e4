package pe.tramita.request;

/** An application that names its applicant by an identity document. */
interface IdentifiedApplicant {

	IdentityDocumentType documentType();

	String documentNumber();

}
