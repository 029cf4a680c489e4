package pe.tramita.office;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.municipality.Municipalities;
import pe.tramita.text.VisibleText;

/**
 * The offices: Camunda groups that procedure models name as candidate groups, created by administrators (no code
 * names them), with the municipalities that have each one and its members.
 */
@Service
public class OfficeDirectory {

	static final String GROUP_TYPE = "WORKFLOW";

	/** What a model's candidate group and Camunda's resource pattern both accept: words joined by hyphens. */
	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final IdentityService identityService;

	private final NamedParameterJdbcTemplate jdbc;

	private final Municipalities municipalities;

	OfficeDirectory(IdentityService identityService, NamedParameterJdbcTemplate jdbc, Municipalities municipalities) {
		this.identityService = identityService;
		this.jdbc = jdbc;
		this.municipalities = municipalities;
	}

	/** Whether a model may name this office. */
	public boolean exists(String id) {
		return id != null && identityService.createGroupQuery().groupId(id).count() > 0;
	}

	public List<OfficeView> all() {
		Map<String, Set<String>> scopes = new HashMap<>();
		jdbc.query("SELECT office_id, ubigeo FROM tramita.office_scope", rs -> {
			scopes.computeIfAbsent(rs.getString(1), office -> new TreeSet<>()).add(rs.getString(2));
		});
		return identityService.createGroupQuery().list().stream()
			.sorted(Comparator.comparing(g -> g.getName() == null ? g.getId() : g.getName()))
			.map(group -> view(group, scopes.getOrDefault(group.getId(), Set.of())))
			.toList();
	}

	public Optional<OfficeView> find(String id) {
		return Optional.ofNullable(id == null ? null : identityService.createGroupQuery().groupId(id).singleResult())
			.map(group -> view(group, new TreeSet<>(jdbc.queryForList(
					"SELECT ubigeo FROM tramita.office_scope WHERE office_id = :office", Map.of("office", group.getId()),
					String.class))));
	}

	@Transactional
	void create(String id, String name, Collection<String> scope) {
		String cleanId = id == null ? "" : id.strip();
		String cleanName = name == null ? "" : name.strip();
		if (cleanId.length() < 3 || cleanId.length() > 40 || !ID.matcher(cleanId).matches()) {
			throw new OfficeChangeRejectedException("office.error.id");
		}
		if (cleanName.length() < 3 || cleanName.length() > 120 || !VisibleText.Validator.isVisible(cleanName)) {
			throw new OfficeChangeRejectedException("office.error.name");
		}
		if (exists(cleanId)) {
			throw new OfficeChangeRejectedException("office.error.exists");
		}
		Group group = identityService.newGroup(cleanId);
		group.setName(cleanName);
		group.setType(GROUP_TYPE);
		identityService.saveGroup(group);
		serve(cleanId, scope);
	}

	/** The municipalities that have the office; none: all of them. */
	@Transactional
	void serve(String id, Collection<String> scope) {
		Set<String> ubigeos = new TreeSet<>(scope == null ? List.of() : scope);
		if (!exists(id)) {
			throw new OfficeChangeRejectedException("office.error.unknown");
		}
		if (ubigeos.stream().anyMatch(ubigeo -> municipalities.find(ubigeo).isEmpty())) {
			throw new OfficeChangeRejectedException("office.error.municipality");
		}
		jdbc.update("DELETE FROM tramita.office_scope WHERE office_id = :office", Map.of("office", id));
		for (String ubigeo : ubigeos) {
			jdbc.update("INSERT INTO tramita.office_scope (office_id, ubigeo) VALUES (:office, :ubigeo)",
					Map.of("office", id, "ubigeo", ubigeo));
		}
	}

	/** A member works in one of the office's municipalities. */
	@Transactional
	void addMember(String id, String userId) {
		OfficeView office = find(id).orElseThrow(() -> new OfficeChangeRejectedException("office.error.unknown"));
		String user = userId == null ? "" : userId.strip();
		if (user.isEmpty() || identityService.createUserQuery().userId(user).count() == 0) {
			throw new OfficeChangeRejectedException("office.error.user");
		}
		if (office.members().contains(user)) {
			throw new OfficeChangeRejectedException("office.error.alreadyMember");
		}
		boolean inScope = office.servesEveryMunicipality() || identityService.createTenantQuery().userMember(user).list()
			.stream().map(Tenant::getId).anyMatch(office.municipalities()::contains);
		if (!inScope) {
			throw new OfficeChangeRejectedException("office.error.outOfScope");
		}
		identityService.createMembership(user, id);
	}

	@Transactional
	void removeMember(String id, String userId) {
		if (find(id).filter(office -> office.members().contains(userId)).isPresent()) {
			identityService.deleteMembership(userId, id);
		}
	}

	private OfficeView view(Group group, Set<String> scope) {
		List<String> members = identityService.createUserQuery().memberOfGroup(group.getId()).list().stream()
			.map(User::getId).sorted().toList();
		return new OfficeView(group.getId(), group.getName() == null ? group.getId() : group.getName(), scope, members);
	}

}
