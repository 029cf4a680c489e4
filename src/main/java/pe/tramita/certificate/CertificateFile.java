package pe.tramita.certificate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The signed PDF of a certificate, exactly as issued. */
@Entity
@Table(name = "certificate_file")
class CertificateFile {

	@Id
	private Long certificateId;

	private byte[] pdf;

	protected CertificateFile() {
	}

	CertificateFile(long certificateId, byte[] pdf) {
		this.certificateId = certificateId;
		this.pdf = pdf;
	}

	byte[] pdf() {
		return pdf;
	}

}
