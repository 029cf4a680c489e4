package pe.tramita.certificate;

public enum CertificateStatus {

	VIGENTE, REVOCADO

}
