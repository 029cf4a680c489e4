package pe.tramita.request;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.calendar.BusinessCalendar;
import pe.tramita.calendar.LegalClock;
import pe.tramita.calendar.ProcessDeadlines;
import pe.tramita.catalog.Procedure;
import pe.tramita.document.DocumentView;
import pe.tramita.document.Documents;
import pe.tramita.document.UploadedFile;
import pe.tramita.form.ModelFormField;
import pe.tramita.form.ModelForms;
import pe.tramita.municipality.MunicipalityTenantIdProvider;

/**
 * Cases (expedientes): filing, what the citizen may read with their access code, and the state changes the process
 * model asks for. Saving a case and starting its process happen in one transaction.
 */
@Service("expedienteFacade") // "expedientes" is the name the BPMN models use for ExpedienteProcessActions
public class Expedientes {

	/** Process variable every procedure model may rely on: the case's id in the app schema. */
	public static final String EXPEDIENTE_VARIABLE = "expedienteId";

	static final String CORRECTION_MESSAGE = "subsanacionPresentada";

	/** The message a fee-bearing model waits for (TUO Ley 27444: the payment is one of the TUPA's requirements). */
	static final String PAYMENT_MESSAGE = "pagoConfirmado";

	/** The application field whose value chooses the term where the TUPA sets one per risk level. */
	static final String RISK_FIELD = "riskLevel";

	/**
	 * The case whose process this thread is starting: the model's first steps (an automatic approval issues its
	 * licence on filing) run before the start returns the process instance's id.
	 */
	private static final ThreadLocal<Expediente> STARTING = new ThreadLocal<>();

	private final ExpedienteRepository expedientes;

	private final CaseEventRepository events;

	private final Documents documents;

	private final BusinessCalendar calendar;

	private final LegalClock clock;

	private final RuntimeService runtimeService;

	private final RepositoryService repositoryService;

	private final FormService formService;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher publisher;

	Expedientes(ExpedienteRepository expedientes, CaseEventRepository events, Documents documents,
			BusinessCalendar calendar, LegalClock clock, RuntimeService runtimeService,
			RepositoryService repositoryService, FormService formService, JdbcTemplate jdbc,
			ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.expedientes = expedientes;
		this.events = events;
		this.documents = documents;
		this.calendar = calendar;
		this.clock = clock;
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
		this.formService = formService;
		this.jdbc = jdbc;
	}

	/** The form the procedure's model declares on its start event. */
	@Transactional(readOnly = true)
	public List<ModelFormField> applicationFields(String ubigeo, Procedure procedure) {
		String definitionId = processDefinition(procedure.processKey(), ubigeo).getId();
		return ModelForms.fields(formService.getStartFormData(definitionId).getFormFields());
	}

	/**
	 * Files an application whose fields come from the procedure's model; nothing is saved when a field is refused,
	 * and the submission says why.
	 */
	@Transactional
	public ModelApplication apply(String ubigeo, Procedure procedure, ApplicantForm applicant, Map<String, String> typed,
			List<UploadedFile> files) {
		List<ModelFormField> fields = applicationFields(ubigeo, procedure);
		ModelForms.Submission submission = ModelForms.parse(fields, typed);
		if (!submission.valid()) {
			return new ModelApplication(submission, null);
		}
		List<ApplicationItem> items = items(submission);
		Map<String, String> values = values(submission);
		ApplicantForm clean = applicant.trimmed();
		String language = filedInEnglish() ? "en" : "es";
		// a term that depends on the declared risk (the business licence: the TUPA's term by ITSE risk level)
		int term = procedure.termFor(values.get(RISK_FIELD));
		Filing filing = file(ubigeo, term, procedure, files, submission.variables(),
				(number, accessCodeHash, now, dueDate) -> new Expediente(number, procedure.key(), accessCodeHash, clean,
						items, values, now, dueDate, language));
		return new ModelApplication(submission, filing);
	}

	/**
	 * Starts an internal procedure for a municipal office (e.g. a minor purchase); {@code requestedBy} names the office
	 * and the person. Nothing is saved when a field is refused.
	 */
	@Transactional
	public ModelApplication startInternal(String ubigeo, Procedure procedure, String requestedBy,
			Map<String, String> typed) {
		List<ModelFormField> fields = applicationFields(ubigeo, procedure);
		ModelForms.Submission submission = ModelForms.parse(fields, typed);
		if (!submission.valid()) {
			return new ModelApplication(submission, null);
		}
		Filing filing = file(ubigeo, procedure.termBusinessDays(), procedure, List.of(), submission.variables(),
				(number, accessCodeHash, now, dueDate) -> new Expediente(number, procedure.key(), accessCodeHash,
						requestedBy, items(submission), now, dueDate));
		return new ModelApplication(submission, filing);
	}

	/** The page the citizen filed from was in English (outside a web request, e.g. demo data: Spanish). */
	private static boolean filedInEnglish() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		return context != null && context.getLocale() != null && context.getLocale().getLanguage().equals("en");
	}

	private static List<ApplicationItem> items(ModelForms.Submission submission) {
		return submission.fieldsAsTyped()
			.stream()
			.filter(field -> !field.value().isEmpty())
			.map(field -> new ApplicationItem(field.label(), field.options().getOrDefault(field.value(), field.value())))
			.toList();
	}

	private static Map<String, String> values(ModelForms.Submission submission) {
		Map<String, String> values = new java.util.LinkedHashMap<>();
		submission.fieldsAsTyped().stream().filter(field -> !field.value().isEmpty())
			.forEach(field -> values.put(field.id(), submission.variables().get(field.id()) instanceof String typed
					? typed : field.value()));
		return values;
	}

	/** The outcome of an application from the model: the filing, or the submission with its errors. */
	public record ModelApplication(ModelForms.Submission submission, Filing filing) {
	}

	private interface NewExpediente {

		Expediente of(CaseNumber number, String accessCodeHash, Instant filedAt, LocalDate dueDate);

	}

	private Filing file(String ubigeo, int termBusinessDays, Procedure procedure, List<UploadedFile> files,
			Map<String, Object> facts, NewExpediente newExpediente) {
		var now = clock.now();
		CaseNumber number = nextCaseNumber(ubigeo, now.getYear());
		String accessCode = AccessCodes.newCode();
		LocalDate dueDate = calendar.addBusinessDays(now.toLocalDate(), termBusinessDays, ubigeo);
		Expediente expediente = expedientes.save(newExpediente.of(number, AccessCodes.hash(number.text(), accessCode),
				now.toInstant(), dueDate));
		for (UploadedFile file : files) {
			documents.store(expediente.id(), ubigeo, file, now.toInstant(), null);
		}
		record(expediente, CaseEventKind.PRESENTADO, null, now.toInstant(), dueDate, List.of(), accessCode);

		Map<String, Object> variables = new HashMap<>(facts);
		variables.put(MunicipalityTenantIdProvider.MUNICIPALITY_VARIABLE, ubigeo);
		variables.put(EXPEDIENTE_VARIABLE, expediente.id());
		variables.put(ProcessDeadlines.DUE_DATE_VARIABLE, dueDate.toString());
		STARTING.set(expediente);
		try {
			String processInstanceId = startProcess(procedure.processKey(), ubigeo)
				.businessKey(number.text())
				.setVariables(variables)
				.execute()
				.getId();
			expediente.startedAs(processInstanceId);
		}
		finally {
			STARTING.remove();
		}
		return new Filing(number.text(), accessCode, dueDate);
	}

	/**
	 * The id of the case a process instance was started for, from Tramita's own record of it: never from a process
	 * variable, which whoever can write variables could point at another municipality's case. A process that is not
	 * bound to a case, or whose {@value #EXPEDIENTE_VARIABLE} names another, is refused (the step fails, nothing is
	 * done to any case).
	 */
	@Transactional
	public long caseOf(DelegateExecution execution) {
		String processInstanceId = execution.getProcessInstanceId();
		Expediente expediente = bound(execution)
			.orElseThrow(() -> new CaseBindingException("Process instance " + processInstanceId + " is bound to no case"));
		Object named = execution.getVariable(EXPEDIENTE_VARIABLE);
		if (!expediente.ubigeo().equals(execution.getTenantId())
				|| !expediente.caseNumber().equals(execution.getProcessBusinessKey())
				|| named != null && !(named instanceof Number number && number.longValue() == expediente.id())) {
			throw new CaseBindingException("Process instance " + processInstanceId + " of case "
					+ expediente.caseNumber() + " names another case or municipality (" + EXPEDIENTE_VARIABLE + " = "
					+ named + ", tenant " + execution.getTenantId() + ")");
		}
		return expediente.id();
	}

	/** The case a process instance was started for, if any: bound already, or being filed by this thread. */
	public Optional<ExpedienteView> boundCase(DelegateExecution execution) {
		return bound(execution).map(Expediente::toView);
	}

	private Optional<Expediente> bound(DelegateExecution execution) {
		return expedientes.findByProcessInstanceId(execution.getProcessInstanceId()).or(() -> bindStarting(execution));
	}

	/** The case this thread is filing, bound now to the process its start is running (the start has no id yet). */
	private static Optional<Expediente> bindStarting(DelegateExecution execution) {
		Optional<Expediente> starting = Optional.ofNullable(STARTING.get())
			.filter(filing -> filing.processInstanceId() == null
					&& filing.caseNumber().equals(execution.getProcessBusinessKey()));
		starting.ifPresent(filing -> filing.startedAs(execution.getProcessInstanceId()));
		return starting;
	}

	/** A published result: what was filed and the decision, without the applicant's personal data. */
	public record PublishedResult(String caseNumber, List<ApplicationItem> filed, String decision, Instant resolvedAt) {
	}

	/** The approved cases of a procedure that publishes its results, newest first. */
	@Transactional(readOnly = true)
	public List<PublishedResult> publishedResults(String ubigeo, String procedureKey) {
		return expedientes
			.findByUbigeoAndProcedureKeyAndStatusOrderByResolvedAtDesc(ubigeo, procedureKey, ExpedienteStatus.APROBADO)
			.stream()
			.map(Expediente::toView)
			.map(view -> new PublishedResult(view.caseNumber(), view.applicationData(), view.decisionReason(),
					view.resolvedAt()))
			.toList();
	}

	/** The case, only for the right number and access code; anything else is the same "not found". */
	@Transactional(readOnly = true)
	public Optional<ExpedienteView> findForCitizen(String caseNumber, String accessCode) {
		return findWithCode(caseNumber, accessCode).map(Expediente::toView);
	}

	@Transactional(readOnly = true)
	public Optional<ExpedienteView> find(long id) {
		return expedientes.findById(id).map(Expediente::toView);
	}

	/** The case whose process this is (the one its filing started). */
	@Transactional(readOnly = true)
	public Optional<ExpedienteView> findByProcessInstanceId(String processInstanceId) {
		return expedientes.findByProcessInstanceId(processInstanceId).map(Expediente::toView);
	}

	@Transactional(readOnly = true)
	public Optional<ExpedienteView> findByCaseNumber(String caseNumber) {
		return expedientes.findByCaseNumber(caseNumber).map(Expediente::toView);
	}

	/** What {@link CaseConcluded} said or would have said of these cases (those concluded before it existed). */
	@Transactional(readOnly = true)
	public List<CaseConcluded> conclusions(java.util.Collection<Long> ids) {
		return expedientes.findAllById(ids).stream()
			.map(Expediente::toView)
			.map(c -> CaseConcluded.of(c, c.resolvedAt() == null ? clock.instant() : c.resolvedAt()))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<TimelineEntry> events(long expedienteId) {
		return events.findByExpedienteIdOrderByOccurredAt(expedienteId).stream().map(CaseEvent::toTimelineEntry).toList();
	}

	/** The citizen answers an observation with the missing documents; the review starts again. */
	@Transactional
	public void correctObservations(String caseNumber, String accessCode, List<UploadedFile> files) {
		Expediente expediente = findWithCode(caseNumber, accessCode).orElseThrow(CaseNotFoundException::new);
		if (expediente.status() != ExpedienteStatus.OBSERVADO) {
			throw new IllegalStateException("Case " + caseNumber + " has no pending observation");
		}
		if (files.isEmpty()) {
			throw new IllegalArgumentException("A correction needs at least one document");
		}
		var now = clock.now().toInstant();
		for (UploadedFile file : files) {
			documents.store(expediente.id(), expediente.ubigeo(), file, now, null);
		}
		expediente.corrected();
		runtimeService.createMessageCorrelation(CORRECTION_MESSAGE)
			.processInstanceBusinessKey(expediente.caseNumber())
			.correlate();
		// the model restarted the legal clock on the message: the due date the citizen sees moves with it
		Object due = runtimeService.getVariable(expediente.processInstanceId(), ProcessDeadlines.DUE_DATE_VARIABLE);
		if (due != null) {
			expediente.dueOn(LocalDate.parse(due.toString()));
		}
		record(expediente, CaseEventKind.SUBSANADO, null, now, expediente.dueDate(), List.of(), null);
	}

	/**
	 * The case's fee was paid ({@code receipt}: the receipt's number and channel, as the citizen is told): the
	 * timeline says so and a process waiting for the payment goes on, its legal term starting now (the model restarts
	 * the clock it stopped on filing). A case whose model does not wait (filed before the model did) only records it.
	 */
	@Transactional
	public void feePaid(long expedienteId, String receipt, String actor) {
		Expediente expediente = expedientes.findById(expedienteId).orElseThrow(CaseNotFoundException::new);
		Instant now = clock.now().toInstant();
		// on the timeline before what the payment sets off (an automatic approval concludes the case at once)
		events.save(new CaseEvent(expediente, now, CaseEventKind.PAGADO, receipt, actor));
		String processInstanceId = expediente.processInstanceId();
		boolean waiting = processInstanceId != null && runtimeService.createEventSubscriptionQuery()
			.processInstanceId(processInstanceId)
			.eventType("message")
			.eventName(PAYMENT_MESSAGE)
			.count() > 0;
		if (waiting) {
			runtimeService.createMessageCorrelation(PAYMENT_MESSAGE).processInstanceId(processInstanceId).correlate();
			Object due = expediente.status().concluded() ? null
					: runtimeService.getVariable(processInstanceId, ProcessDeadlines.DUE_DATE_VARIABLE);
			if (due != null) {
				expediente.dueOn(LocalDate.parse(due.toString()));
			}
		}
		publisher.publishEvent(new CaseNotice(expediente.id(), expediente.caseNumber(), expediente.ubigeo(),
				expediente.procedureKey(), CaseEventKind.PAGADO, receipt, now, expediente.dueDate(), List.of(), null));
	}

	/** New access codes one case may get in a day: enough for a citizen, too few to flood their mailbox. */
	static final int CODE_RENEWALS_PER_DAY = 3;

	/**
	 * "¿Perdió su código?": when the number and the applicant's identity document match a case with an e-mail on
	 * file, a new code replaces the old one and is sent there. Whether anything matched is not said to the caller.
	 */
	@Transactional
	public void renewAccessCode(String caseNumber, String documentNumber) {
		if (caseNumber == null || documentNumber == null) {
			return;
		}
		var now = clock.now().toInstant();
		expedientes.findByCaseNumber(caseNumber.strip().toUpperCase(Locale.ROOT))
			.filter(e -> e.applicantEmail() != null && e.applicantDocumentNumber() != null
					&& e.applicantDocumentNumber().equals(documentNumber.strip()))
			.filter(e -> events.countByExpedienteIdAndKindAndOccurredAtAfter(e.id(), CaseEventKind.CODIGO_RENOVADO,
					now.minus(Duration.ofDays(1))) < CODE_RENEWALS_PER_DAY)
			.ifPresent(e -> {
				String code = AccessCodes.newCode();
				e.accessCodeHash(AccessCodes.hash(e.caseNumber(), code));
				record(e, CaseEventKind.CODIGO_RENOVADO, null, now, e.dueDate(), List.of(), code);
			});
	}

	/** Staff hand the citizen documents (the information requested, an answer): the citizen is told and can read them. */
	@Transactional
	public void deliver(long expedienteId, List<DocumentView> delivered, String actor) {
		Expediente expediente = expedientes.findById(expedienteId).orElseThrow();
		String names = String.join(", ", delivered.stream().map(DocumentView::fileName).toList());
		record(expediente, CaseEventKind.ENTREGADO, names, clock.now().toInstant(), expediente.dueDate(),
				delivered.stream().map(DocumentView::id).toList(), null, actor);
	}

	@Transactional
	void observe(long expedienteId, String observation, LocalDate lastDayToCorrect) {
		Expediente expediente = expedientes.findById(expedienteId).orElseThrow();
		expediente.observe(observation);
		record(expediente, CaseEventKind.OBSERVADO, observation, clock.now().toInstant(), lastDayToCorrect, List.of(),
				null);
	}

	@Transactional
	void extended(long expedienteId, LocalDate newDue, String reason) {
		Expediente expediente = expedientes.findById(expedienteId).orElseThrow();
		expediente.dueOn(newDue);
		record(expediente, CaseEventKind.PRORROGADO, reason, clock.now().toInstant(), newDue, List.of(), null);
	}

	@Transactional
	void conclude(long expedienteId, ExpedienteStatus outcome, String reason) {
		Expediente expediente = expedientes.findById(expedienteId).orElseThrow();
		var now = clock.now().toInstant();
		expediente.conclude(outcome, reason, now);
		record(expediente, CaseEventKind.valueOf(outcome.name()), reason, now, expediente.dueDate(),
				List.of(), null);
	}

	private void record(Expediente expediente, CaseEventKind kind, String detail, Instant at, LocalDate dueDate,
			List<Long> documentIds, String accessCode) {
		record(expediente, kind, detail, at, dueDate, documentIds, accessCode, null);
	}

	/** Records what happened on the case's timeline and tells the listeners that write what the citizen is sent. */
	private void record(Expediente expediente, CaseEventKind kind, String detail, Instant at, LocalDate dueDate,
			List<Long> documentIds, String accessCode, String actor) {
		events.save(new CaseEvent(expediente, at, kind, detail, actor));
		publisher.publishEvent(new CaseNotice(expediente.id(), expediente.caseNumber(), expediente.ubigeo(),
				expediente.procedureKey(), kind, detail, at, dueDate, documentIds, accessCode));
	}

	private Optional<Expediente> findWithCode(String caseNumber, String accessCode) {
		if (caseNumber == null || accessCode == null) {
			return Optional.empty();
		}
		return expedientes.findByCaseNumber(caseNumber.strip())
			.filter(e -> AccessCodes.matches(e.caseNumber(), accessCode, e.accessCodeHash()));
	}

	/** A municipality's own version of the procedure wins over the shared one. */
	private ProcessInstantiationBuilder startProcess(String processKey, String ubigeo) {
		return runtimeService.createProcessInstanceById(processDefinition(processKey, ubigeo).getId());
	}

	/** The municipality's own latest version of the model, else the shared one's (one query: the latest of each). */
	private ProcessDefinition processDefinition(String processKey, String ubigeo) {
		List<ProcessDefinition> latest = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.tenantIdIn(ubigeo)
			.includeProcessDefinitionsWithoutTenantId()
			.latestVersion()
			.list();
		return latest.stream()
			.filter(definition -> ubigeo.equals(definition.getTenantId()))
			.findFirst()
			.or(() -> latest.stream().filter(definition -> definition.getTenantId() == null).findFirst())
			.orElse(null);
	}

	/** Gap-free: the counter row stays locked until this transaction ends, and rolls back with it. */
	private CaseNumber nextCaseNumber(String ubigeo, int year) {
		Integer next = jdbc.queryForObject("""
				INSERT INTO tramita.case_number_counter (ubigeo, year, last_value) VALUES (?, ?, 1)
				ON CONFLICT (ubigeo, year) DO UPDATE SET last_value = case_number_counter.last_value + 1
				RETURNING last_value""", Integer.class, ubigeo, year);
		return new CaseNumber(ubigeo, year, next);
	}

}
