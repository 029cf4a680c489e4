package pe.tramita.request;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something the citizen is told about their case: filing, observations, their correction, the outcome. */
@Entity
@Table(name = "case_event")
class CaseEvent {

	enum Kind {

		PRESENTADO, OBSERVADO, SUBSANADO, APROBADO, APROBADO_POR_SILENCIO, DENEGADO, NO_PRESENTADO, ATENDIDO, DENEGADO_POR_SILENCIO, PRORROGADO

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long expedienteId;

	@Column(columnDefinition = "char(6)")
	private String ubigeo;

	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String detail;

	private String actor;

	protected CaseEvent() {
	}

	CaseEvent(Expediente expediente, Instant occurredAt, Kind kind, String detail, String actor) {
		this.expedienteId = expediente.id();
		this.ubigeo = expediente.ubigeo();
		this.occurredAt = occurredAt;
		this.kind = kind;
		this.detail = detail;
		this.actor = actor;
	}

	TimelineEntry toTimelineEntry() {
		return new TimelineEntry(occurredAt, "timeline.event." + kind.name(), detail, null, null);
	}

}
