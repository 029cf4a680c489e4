package pe.tramita.costing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import pe.tramita.costing.CostSheet.Element;
import pe.tramita.costing.CostSheet.Item;
import pe.tramita.costing.CostSheet.Overhead;
import pe.tramita.costing.CostingInputs.ActivityInput;

/**
 * The costing as the page's form carries it: numbers as typed (a number that does not read comes back with its
 * problem, not as a refused request), and blank rows for new materials, services and non-identifiable costs.
 */
public class CostingForm {

	static final int BLANK_ROWS = 2;

	private String minutesPerMonth = "";

	private List<ActivityRow> activities = new ArrayList<>();

	private List<ItemRow> materials = new ArrayList<>();

	private List<ItemRow> services = new ArrayList<>();

	private List<OverheadRow> overheads = new ArrayList<>();

	private String hourlyValue = "";

	private String formHours = "";

	private String visits = "";

	private String hoursPerVisit = "";

	private String costPerVisit = "";

	private List<ItemRow> documents = new ArrayList<>();

	static CostingForm of(CostingInputs inputs) {
		CostingForm form = new CostingForm();
		form.minutesPerMonth = String.valueOf(inputs.minutesPerMonth());
		for (ActivityInput a : inputs.activities()) {
			form.activities.add(new ActivityRow(a.name(), a.position(), text(a.minutes()), text(a.measuredMinutes()),
					a.reason()));
		}
		inputs.materials().forEach(i -> form.materials.add(new ItemRow(i.description(), text(i.unitCost()),
				text(i.quantity()))));
		inputs.services().forEach(i -> form.services.add(new ItemRow(i.description(), text(i.unitCost()),
				text(i.quantity()))));
		inputs.overheads().forEach(o -> form.overheads.add(new OverheadRow(o.element().name(), o.description(),
				text(o.monthlyAmount()), text(o.supportedMinutes()))));
		CitizenBurden.Inputs burden = inputs.burdenOrTypical();
		form.hourlyValue = text(burden.hourlyValue());
		form.formHours = text(burden.formHours());
		form.visits = String.valueOf(burden.visits());
		form.hoursPerVisit = text(burden.hoursPerVisit());
		form.costPerVisit = text(burden.costPerVisit());
		burden.documents().forEach(d -> form.documents.add(new ItemRow(d.name(), text(d.fee()), text(d.hours()))));
		form.withBlankRows();
		return form;
	}

	CostingForm withBlankRows() {
		for (int i = 0; i < BLANK_ROWS; i++) {
			materials.add(new ItemRow());
			services.add(new ItemRow());
			overheads.add(new OverheadRow());
			documents.add(new ItemRow());
		}
		return this;
	}

	/** The inputs typed; a row without a description is left out, a number that does not read is null. */
	CostingInputs inputs() {
		Integer minutes = number(minutesPerMonth) == null ? null : number(minutesPerMonth).intValue();
		List<ActivityInput> activityInputs = new ArrayList<>();
		for (ActivityRow row : activities) {
			if (!blank(row.getName())) {
				activityInputs.add(new ActivityInput(row.getName().strip(), blank(row.getPosition()) ? null
						: row.getPosition(), number(row.getMinutes()), number(row.getMeasured()),
						blank(row.getReason()) ? null : row.getReason().strip()));
			}
		}
		BigDecimal visitCount = number(visits);
		// a document to obtain: its fee in the unit-cost column, its hours in the quantity column
		List<CitizenBurden.DocumentToObtain> toObtain = documents.stream().filter(d -> !blank(d.getDescription()))
			.map(d -> new CitizenBurden.DocumentToObtain(d.getDescription().strip(), number(d.getQuantity()),
					number(d.getUnitCost())))
			.toList();
		boolean noBurden = blank(hourlyValue) && blank(formHours) && blank(visits) && blank(hoursPerVisit)
				&& blank(costPerVisit) && toObtain.isEmpty();
		// nothing said of the citizen's side: the typical one stands
		CitizenBurden.Inputs burden = noBurden ? null : new CitizenBurden.Inputs(number(hourlyValue),
				number(formHours), visitCount == null || visitCount.stripTrailingZeros().scale() > 0 ? -1
						: visitCount.intValue(),
				number(hoursPerVisit), number(costPerVisit), toObtain);
		return new CostingInputs(minutes == null ? 0 : minutes, activityInputs, items(materials), items(services),
				overheads.stream().filter(o -> !blank(o.getDescription()))
					.map(o -> new Overhead(element(o.getElement()), o.getDescription().strip(),
							number(o.getMonthlyAmount()), number(o.getSupportedMinutes())))
					.toList(),
				burden);
	}

	private static List<Item> items(List<ItemRow> rows) {
		return rows.stream().filter(r -> !blank(r.getDescription()))
			.map(r -> new Item(r.getDescription().strip(), number(r.getUnitCost()), number(r.getQuantity())))
			.toList();
	}

	private static Element element(String name) {
		for (Element element : Element.values()) {
			if (element.name().equals(name)) {
				return element;
			}
		}
		return null;
	}

	/** A decimal number as typed (1,250.50 reads; «12 min» does not): null when it does not read. */
	static BigDecimal number(String text) {
		if (blank(text)) {
			return null;
		}
		String clean = text.strip().replace(",", "");
		return clean.matches("\\d{1,9}(\\.\\d{1,4})?") ? new BigDecimal(clean) : null;
	}

	private static String text(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	public String getMinutesPerMonth() {
		return minutesPerMonth;
	}

	public void setMinutesPerMonth(String minutesPerMonth) {
		this.minutesPerMonth = minutesPerMonth;
	}

	public List<ActivityRow> getActivities() {
		return activities;
	}

	public void setActivities(List<ActivityRow> activities) {
		this.activities = activities;
	}

	public List<ItemRow> getMaterials() {
		return materials;
	}

	public void setMaterials(List<ItemRow> materials) {
		this.materials = materials;
	}

	public List<ItemRow> getServices() {
		return services;
	}

	public void setServices(List<ItemRow> services) {
		this.services = services;
	}

	public List<OverheadRow> getOverheads() {
		return overheads;
	}

	public void setOverheads(List<OverheadRow> overheads) {
		this.overheads = overheads;
	}

	public String getHourlyValue() {
		return hourlyValue;
	}

	public void setHourlyValue(String hourlyValue) {
		this.hourlyValue = hourlyValue;
	}

	public String getFormHours() {
		return formHours;
	}

	public void setFormHours(String formHours) {
		this.formHours = formHours;
	}

	public String getVisits() {
		return visits;
	}

	public void setVisits(String visits) {
		this.visits = visits;
	}

	public String getHoursPerVisit() {
		return hoursPerVisit;
	}

	public void setHoursPerVisit(String hoursPerVisit) {
		this.hoursPerVisit = hoursPerVisit;
	}

	public String getCostPerVisit() {
		return costPerVisit;
	}

	public void setCostPerVisit(String costPerVisit) {
		this.costPerVisit = costPerVisit;
	}

	public List<ItemRow> getDocuments() {
		return documents;
	}

	public void setDocuments(List<ItemRow> documents) {
		this.documents = documents;
	}

	/** One activity: its name, the position that does it, its minutes, the measured minutes, the reason. */
	public static class ActivityRow {

		private String name;

		private String position;

		private String minutes;

		private String measured;

		private String reason;

		public ActivityRow() {
		}

		ActivityRow(String name, String position, String minutes, String measured, String reason) {
			this.name = name;
			this.position = position;
			this.minutes = minutes;
			this.measured = measured;
			this.reason = reason;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getPosition() {
			return position;
		}

		public void setPosition(String position) {
			this.position = position;
		}

		public String getMinutes() {
			return minutes;
		}

		public void setMinutes(String minutes) {
			this.minutes = minutes;
		}

		public String getMeasured() {
			return measured;
		}

		public void setMeasured(String measured) {
			this.measured = measured;
		}

		public String getReason() {
			return reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

	}

	/** A material or a service per case: description, unit cost, quantity. */
	public static class ItemRow {

		private String description;

		private String unitCost;

		private String quantity;

		public ItemRow() {
		}

		ItemRow(String description, String unitCost, String quantity) {
			this.description = description;
			this.unitCost = unitCost;
			this.quantity = quantity;
		}

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getUnitCost() {
			return unitCost;
		}

		public void setUnitCost(String unitCost) {
			this.unitCost = unitCost;
		}

		public String getQuantity() {
			return quantity;
		}

		public void setQuantity(String quantity) {
			this.quantity = quantity;
		}

	}

	/** A non-identifiable cost: its element, description, monthly amount and the minutes a month it supports. */
	public static class OverheadRow {

		private String element;

		private String description;

		private String monthlyAmount;

		private String supportedMinutes;

		public OverheadRow() {
		}

		OverheadRow(String element, String description, String monthlyAmount, String supportedMinutes) {
			this.element = element;
			this.description = description;
			this.monthlyAmount = monthlyAmount;
			this.supportedMinutes = supportedMinutes;
		}

		public String getElement() {
			return element;
		}

		public void setElement(String element) {
			this.element = element;
		}

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getMonthlyAmount() {
			return monthlyAmount;
		}

		public void setMonthlyAmount(String monthlyAmount) {
			this.monthlyAmount = monthlyAmount;
		}

		public String getSupportedMinutes() {
			return supportedMinutes;
		}

		public void setSupportedMinutes(String supportedMinutes) {
			this.supportedMinutes = supportedMinutes;
		}

	}

}
