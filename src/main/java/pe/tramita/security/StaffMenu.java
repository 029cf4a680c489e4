package pe.tramita.security;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which of the menu's links the one asking may follow, worked out once a page from their role and offices by the
 * rules the pages themselves apply ({@link Offices#TREASURY_READERS}, advisors, administrators); the layout reads
 * {@code @staffMenu.current()} once. The layout used to ask Spring Security for each link: thirteen
 * expressions parsed and evaluated for every page, 2 % of the application's CPU under the benchmark's load (issue
 * 20). Showing a link guards nothing: every page is guarded by {@link SecurityConfiguration}.
 */
@Component("staffMenu")
public class StaffMenu {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	/** {@code name}: the signed-in staff member's, for the menu to greet. */
	public record Menu(boolean signedIn, String name, boolean staff, boolean cashier, boolean advisor, boolean admin) {

		static final Menu VISITOR = new Menu(false, null, false, false, false, false);

	}

	public Menu current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || TRUST.isAnonymous(authentication)) {
			return Menu.VISITOR;
		}
		boolean staff = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch("ROLE_STAFF"::equals);
		if (!(authentication.getPrincipal() instanceof StaffUser person)) {
			return new Menu(true, authentication.getName(), staff, false, false, false);
		}
		// the same rules as the pages' guards: SecurityConfiguration (advisors) and the treasury's scope
		boolean admin = person.isAdmin();
		return new Menu(true, person.fullName(), staff,
				admin || person.offices().stream().anyMatch(Offices.TREASURY_READERS::contains),
				admin || person.offices().contains(Offices.ASESOR), admin);
	}

}
