package pe.tramita.municipality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "municipality")
class Municipality {

	@Id
	@Column(columnDefinition = "char(6)")
	private String ubigeo;

	private String department;

	private String province;

	private String district;

	@Enumerated(EnumType.STRING)
	private MunicipalityKind kind;

	private String name;

	protected Municipality() {
	}

	MunicipalityView toView() {
		return new MunicipalityView(ubigeo, name, province, district, kind);
	}

}
