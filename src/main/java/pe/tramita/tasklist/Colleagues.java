package pe.tramita.tasklist;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Who a task can be handed to, from Camunda's identity service. */
@Component
class Colleagues {

	private final IdentityService identityService;

	Colleagues(IdentityService identityService) {
		this.identityService = identityService;
	}

	/** A colleague the clerk can hand a task to. */
	public record Colleague(String id, String name) {
	}

	/** Members of the task's offices in its municipality: who may be assigned the task. */
	List<Colleague> inOffices(Set<String> offices, String ubigeo) {
		TreeMap<String, Colleague> colleagues = new TreeMap<>();
		for (String office : offices) {
			for (User user : identityService.createUserQuery().memberOfGroup(office).memberOfTenant(ubigeo).list()) {
				colleagues.put(user.getId(), colleague(user));
			}
		}
		return sortedByName(colleagues.values());
	}

	/** Everyone on the municipality's staff but the clerk: who may be asked to do part of the work. */
	List<Colleague> inMunicipality(String ubigeo, String exceptUserId) {
		return sortedByName(identityService.createUserQuery().memberOfTenant(ubigeo).list().stream()
			.filter(user -> !user.getId().equals(exceptUserId))
			.map(Colleagues::colleague)
			.toList());
	}

	private static Colleague colleague(User user) {
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).strip();
		return new Colleague(user.getId(), name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")");
	}

	private static List<Colleague> sortedByName(Collection<Colleague> colleagues) {
		return colleagues.stream().sorted(Comparator.comparing(Colleague::name)).toList();
	}

}
