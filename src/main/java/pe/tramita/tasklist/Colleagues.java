package pe.tramita.tasklist;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import pe.tramita.security.Offices;

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

	/**
	 * Everyone on the municipality's staff but the clerk: who may be asked to do part of the work. Administrators,
	 * advisors and monitoring accounts do not work cases, and are not offered.
	 */
	List<Colleague> inMunicipality(String ubigeo, String exceptUserId) {
		Set<String> notCaseWorkers = new HashSet<>();
		for (String group : List.of(Offices.ADMIN, Offices.ASESOR, Offices.MONITORING)) {
			identityService.createUserQuery().memberOfGroup(group).list().forEach(user -> notCaseWorkers.add(user.getId()));
		}
		return sortedByName(identityService.createUserQuery().memberOfTenant(ubigeo).list().stream()
			.filter(user -> !user.getId().equals(exceptUserId) && !notCaseWorkers.contains(user.getId()))
			.map(Colleagues::colleague)
			.toList());
	}

	/** A staff member's name as people know it ("Ana Pérez"), or the user id when there is no such user or name. */
	String nameOf(String userId) {
		if (userId == null) {
			return null;
		}
		User user = identityService.createUserQuery().userId(userId).singleResult();
		String name = user == null ? "" : fullName(user);
		return name.isEmpty() ? userId : name;
	}

	private static String fullName(User user) {
		return ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).strip();
	}

	private static Colleague colleague(User user) {
		String name = fullName(user);
		return new Colleague(user.getId(), name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")");
	}

	private static List<Colleague> sortedByName(Collection<Colleague> colleagues) {
		return colleagues.stream().sorted(Comparator.comparing(Colleague::name)).toList();
	}

}
