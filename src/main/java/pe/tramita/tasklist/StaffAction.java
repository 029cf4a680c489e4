package pe.tramita.tasklist;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something a staff member did on a case's task, kept for the staff's timeline; citizens never see these. */
@Entity
@Table(name = "staff_action")
class StaffAction {

	enum Kind {
		CLAIMED, UNCLAIMED, ASSIGNED, DELEGATED, RESOLVED, FOLLOW_UP, COMMENTED, ATTACHED, COMPLETED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long expedienteId;

	@Column(columnDefinition = "char(6)")
	private String ubigeo;

	private Instant occurredAt;

	private String actor;

	@Enumerated(EnumType.STRING)
	private Kind action;

	private String taskId;

	private String step;

	private String detail;

	protected StaffAction() {
	}

	StaffAction(long expedienteId, String ubigeo, Instant occurredAt, String actor, Kind action, String taskId,
			String step, String detail) {
		this.expedienteId = expedienteId;
		this.ubigeo = ubigeo;
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.action = action;
		this.taskId = taskId;
		this.step = step;
		this.detail = detail;
	}

	Instant occurredAt() {
		return occurredAt;
	}

	String actor() {
		return actor;
	}

	Kind action() {
		return action;
	}

	String step() {
		return step;
	}

	String detail() {
		return detail;
	}

}
