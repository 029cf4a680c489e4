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

/** Something the citizen is told about their case: filing, observations, their correction, answers, the outcome. */
@Entity
@Table(name = "case_event")
class CaseEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long expedienteId;

	@Column(columnDefinition = "char(6)")
	private String ubigeo;

	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	private CaseEventKind kind;

	private String detail;

	private String actor;

	protected CaseEvent() {
	}

	CaseEvent(Expediente expediente, Instant occurredAt, CaseEventKind kind, String detail, String actor) {
		this.expedienteId = expediente.id();
		this.ubigeo = expediente.ubigeo();
		this.occurredAt = occurredAt;
		this.kind = kind;
		this.detail = detail;
		this.actor = actor;
	}

	long id() {
		return id;
	}

	TimelineEntry toTimelineEntry() {
		return new TimelineEntry(occurredAt, "timeline.event." + kind.name(), detail, null, null);
	}

}
