package pe.tramita.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

import pe.tramita.TramitaApplication;
import pe.tramita.calendar.BusinessCalendar;
import pe.tramita.calendar.LegalClock;

/**
 * The baseline: the dashboard's figures the way one would get them from Camunda alone — {@code HistoryService}
 * queries for the finished instances, their due date variable and (for one procedure) their user task instances,
 * then business days, grouping and percentiles in Java.
 */
final class NaiveHistoryDashboard {

	private final HistoryService historyService;

	private final BusinessCalendar calendar;

	NaiveHistoryDashboard(HistoryService historyService, BusinessCalendar calendar) {
		this.historyService = historyService;
		this.calendar = calendar;
	}

	/** Counts, medians, p90 and maxima in calendar and business days, on-time and silence shares, per grouping. */
	Map<String, Map<String, double[]>> cases(String[] ubigeos, LocalDate from, LocalDate to) {
		List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
			.finished()
			.tenantIdIn(ubigeos)
			.finishedAfter(Date.from(from.atStartOfDay(TramitaApplication.LIMA).toInstant()))
			.finishedBefore(endOf(to))
			.list();
		Map<String, LocalDate> due = new HashMap<>();
		List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();
		for (int i = 0; i < ids.size(); i += 1000) {
			for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
				.processInstanceIdIn(ids.subList(i, Math.min(ids.size(), i + 1000)).toArray(String[]::new))
				.variableName("fechaVencimiento")
				.list()) {
				due.put(variable.getProcessInstanceId(), LocalDate.parse((String) variable.getValue()));
			}
		}
		Map<String, Map<String, double[]>> tables = new HashMap<>();
		for (Map.Entry<String, Function<HistoricProcessInstance, String>> grouping : Map.<String, Function<HistoricProcessInstance, String>>of(
				"procedure", HistoricProcessInstance::getProcessDefinitionKey,
				"version", HistoricProcessInstance::getProcessDefinitionId,
				"municipality", HistoricProcessInstance::getTenantId,
				"month", p -> p.getEndTime().toInstant().atZone(TramitaApplication.LIMA).toLocalDate().withDayOfMonth(1).toString())
			.entrySet()) {
			Map<String, List<HistoricProcessInstance>> groups = new HashMap<>();
			instances.forEach(p -> groups.computeIfAbsent(grouping.getValue().apply(p), k -> new ArrayList<>()).add(p));
			Map<String, double[]> table = new HashMap<>();
			groups.forEach((group, members) -> table.put(group, measures(members, due)));
			tables.put(grouping.getKey(), table);
		}
		return tables;
	}

	/** Each user task's count, median and p90 in calendar days, for one procedure. */
	Map<String, double[]> steps(String[] ubigeos, String processKey, LocalDate from, LocalDate to) {
		List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
			.activityType("userTask")
			.tenantIdIn(ubigeos)
			.finished()
			.finishedAfter(Date.from(from.atStartOfDay(TramitaApplication.LIMA).toInstant()))
			.finishedBefore(endOf(to))
			.list();
		Map<String, List<Double>> days = new HashMap<>();
		for (HistoricActivityInstance activity : activities) {
			if (activity.getProcessDefinitionKey().equals(processKey)) {
				days.computeIfAbsent(activity.getActivityId(), k -> new ArrayList<>()).add(activity.getDurationInMillis() / 86_400_000.0);
			}
		}
		Map<String, double[]> steps = new HashMap<>();
		days.forEach((step, values) -> steps.put(step, new double[] { values.size(), percentile(values, 0.5), percentile(values, 0.9) }));
		return steps;
	}

	private double[] measures(List<HistoricProcessInstance> members, Map<String, LocalDate> due) {
		List<Double> calendarDays = new ArrayList<>();
		List<Double> businessDays = new ArrayList<>();
		int onTime = 0;
		int silence = 0;
		for (HistoricProcessInstance p : members) {
			LocalDate start = p.getStartTime().toInstant().atZone(TramitaApplication.LIMA).toLocalDate();
			LocalDate end = p.getEndTime().toInstant().atZone(TramitaApplication.LIMA).toLocalDate();
			calendarDays.add(Duration.between(p.getStartTime().toInstant(), p.getEndTime().toInstant()).toSeconds() / 86_400.0);
			businessDays.add((double) calendar.businessDaysBetween(start, end, p.getTenantId()));
			LocalDate dueDate = due.get(p.getId());
			onTime += dueDate == null || !end.isAfter(dueDate) ? 1 : 0;
			silence += p.getEndActivityId() != null && p.getEndActivityId().endsWith("BySilence") ? 1 : 0;
		}
		return new double[] { members.size(), percentile(calendarDays, 0.5), percentile(calendarDays, 0.9),
				max(calendarDays), percentile(businessDays, 0.5), percentile(businessDays, 0.9), max(businessDays),
				onTime / (double) members.size(), silence / (double) members.size() };
	}

	/** Linear between the two nearest, like PostgreSQL's percentile_cont. */
	static double percentile(List<Double> values, double fraction) {
		List<Double> sorted = values.stream().sorted().toList();
		double position = fraction * (sorted.size() - 1);
		int below = (int) Math.floor(position);
		int above = (int) Math.ceil(position);
		return sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
	}

	private static double max(Collection<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

	/** The engine's {@code finishedBefore} includes its instant: a case ended at midnight belongs to the next day. */
	private static Date endOf(LocalDate to) {
		return Date.from(to.plusDays(1).atStartOfDay(TramitaApplication.LIMA).toInstant().minusMillis(1));
	}

}
