package pe.tramita.tasklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.calendar.BusinessCalendar;
import pe.tramita.calendar.LegalClock;
import pe.tramita.catalog.ModelTexts;
import pe.tramita.catalog.ProcedureCatalog;
import pe.tramita.catalog.ProcessModels;
import pe.tramita.document.Documents;
import pe.tramita.municipality.Municipalities;
import pe.tramita.request.CaseProgress;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.request.TimelineEntry;
import pe.tramita.security.StaffUser;

/** The staff's view of a case, for the clerks of its municipality only. */
@Service
public class CaseFiles {

	private final Expedientes expedientes;

	private final CaseProgress progress;

	private final StaffAudit audit;

	private final Documents documents;

	private final Municipalities municipalities;

	private final ProcedureCatalog catalog;

	private final BusinessCalendar calendar;

	private final LegalClock clock;

	private final HistoryService historyService;

	private final ProcessModels processModels;

	private final StepAnswers stepAnswers;

	private final Colleagues colleagues;

	private final ModelTexts texts;

	CaseFiles(Expedientes expedientes, CaseProgress progress, StaffAudit audit, Documents documents,
			Municipalities municipalities, ProcedureCatalog catalog, BusinessCalendar calendar, LegalClock clock,
			HistoryService historyService, ProcessModels processModels,
			StepAnswers stepAnswers, Colleagues colleagues, ModelTexts texts) {
		this.texts = texts;
		this.stepAnswers = stepAnswers;
		this.colleagues = colleagues;
		this.expedientes = expedientes;
		this.progress = progress;
		this.audit = audit;
		this.documents = documents;
		this.municipalities = municipalities;
		this.catalog = catalog;
		this.calendar = calendar;
		this.clock = clock;
		this.historyService = historyService;
		this.processModels = processModels;
	}

	/** A case of another municipality (or none) is not found, whatever its number. */
	@Transactional(readOnly = true)
	public ExpedienteView expediente(long expedienteId, StaffUser clerk) {
		return expedientes.find(expedienteId)
			.filter(expediente -> clerk.worksIn(expediente.ubigeo()))
			.orElseThrow(() -> new TaskNotAvailableException("case " + expedienteId));
	}

	@Transactional(readOnly = true)
	public CaseFile open(long expedienteId, StaffUser clerk) {
		return of(expediente(expedienteId, clerk));
	}

	CaseFile of(ExpedienteView expediente) {
		CaseProgress.Progress engine = progress.of(expediente);
		List<CaseActivity> timeline = new ArrayList<>();
		for (TimelineEntry entry : engine.timeline()) {
			timeline.add(new CaseActivity(entry.at(), entry.messageKey(), entry.step(), entry.office(), null,
					entry.detail()));
		}
		Map<String, String> names = new HashMap<>();
		List<CaseActivity> staffActions = audit.activity(expediente.id()).stream()
			.map(action -> new CaseActivity(action.at(), action.messageKey(), action.step(), action.office(),
					names.computeIfAbsent(action.actor(), colleagues::nameOf), action.detail()))
			.toList();
		timeline.addAll(staffActions);
		timeline.sort(Comparator.comparing(CaseActivity::at));
		return new CaseFile(expediente,
				catalog.find(expediente.procedureKey()).map(p -> texts.name(p.key(), p.name()))
					.orElse(expediente.procedureKey()),
				municipalities.get(expediente.ubigeo()).name(), businessDaysLeft(expediente),
				documents.listFor(expediente.id()), timeline, StaffAudit.comments(staffActions),
				engine.currentSteps(), engine.currentActivityIds(),
				stepAnswers.of(expediente.processInstanceId(), engine.stepsDone()).stream()
					.map(step -> new StepAnswers.StepRecord(step.key(), step.step(),
							names.computeIfAbsent(step.completedBy(), colleagues::nameOf), step.completedAt(),
							step.answers()))
					.toList());
	}

	/** The BPMN model the case runs on (the version it started with), for the diagram. */
	@Transactional(readOnly = true)
	public String diagram(long expedienteId, StaffUser clerk) {
		ExpedienteView expediente = expediente(expedienteId, clerk);
		HistoricProcessInstance instance = expediente.processInstanceId() == null ? null
				: historyService.createHistoricProcessInstanceQuery()
					.processInstanceId(expediente.processInstanceId())
					.singleResult();
		if (instance == null) {
			throw new TaskNotAvailableException("diagram of case " + expedienteId);
		}
		return processModels.xml(instance.getProcessDefinitionId());
	}

	private Integer businessDaysLeft(ExpedienteView expediente) {
		LocalDate due = expediente.dueDate();
		if (due == null || expediente.resolvedAt() != null) {
			return null;
		}
		LocalDate today = clock.today();
		return today.isAfter(due) ? -calendar.businessDaysBetween(due, today, expediente.ubigeo())
				: calendar.businessDaysBetween(today, due, expediente.ubigeo());
	}

}
