package pe.tramita.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Staff log in with the users, groups and tenants of Camunda's identity service (passwords hashed there). */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName() == null ? "" : authentication.getName().strip();
		Object credentials = authentication.getCredentials();
		if (userId.isEmpty() || credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
			throw new BadCredentialsException("Bad credentials");
		}
		StaffUser staff = load(userId);
		List<GrantedAuthority> authorities = new ArrayList<>();
		// a monitoring account reads metrics and probes, not cases
		if (!staff.offices().equals(Set.of(Offices.MONITORING))) {
			authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
		}
		if (staff.offices().contains(Offices.MONITORING)) {
			authorities.add(new SimpleGrantedAuthority("ROLE_MONITORING"));
		}
		staff.offices().forEach(office -> authorities.add(new SimpleGrantedAuthority("OFFICE_" + office)));
		if (staff.isAdmin()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
		}
		return UsernamePasswordAuthenticationToken.authenticated(staff, null, authorities);
	}

	/** The staff member's offices and municipalities as they are now in the identity service. */
	public StaffUser load(String userId) {
		User user = identityService.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			throw new BadCredentialsException("Bad credentials");
		}
		Set<String> offices = identityService.createGroupQuery().groupMember(userId).list().stream()
			.map(Group::getId)
			.collect(Collectors.toUnmodifiableSet());
		Set<String> municipalities = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
			.list().stream()
			.map(Tenant::getId)
			.collect(Collectors.toUnmodifiableSet());
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).strip();
		return new StaffUser(userId, name.isEmpty() ? userId : name, offices, municipalities);
	}

	/** The staff member's e-mail address in the identity service, if it has one. */
	public Optional<String> email(String userId) {
		return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
			.map(User::getEmail)
			.filter(email -> !email.isBlank());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
