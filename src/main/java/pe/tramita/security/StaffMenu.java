package pe.tramita.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which of the menu's links the one asking may follow, worked out once a page from their authorities (the layout
 * reads {@code @staffMenu.current()} once). The layout used to ask Spring Security for each link: thirteen
 * expressions parsed and evaluated for every page, 2 % of the application's CPU under the benchmark's load (issue
 * 20). Showing a link guards nothing: every page is guarded by {@link SecurityConfiguration}.
 */
@Component("staffMenu")
public class StaffMenu {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private static final Set<String> CASHIER_PAGES = Set.of("OFFICE_tesoreria", "OFFICE_gerencia",
			"OFFICE_supervision", "OFFICE_asesor", "ROLE_ADMIN");

	private static final Set<String> ADVISOR_PAGES = Set.of("OFFICE_asesor", "ROLE_ADMIN");

	/** {@code name}: the signed-in staff member's, for the menu to greet. */
	public record Menu(boolean signedIn, String name, boolean staff, boolean cashier, boolean advisor, boolean admin) {

		static final Menu VISITOR = new Menu(false, null, false, false, false, false);

	}

	public Menu current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || TRUST.isAnonymous(authentication)) {
			return Menu.VISITOR;
		}
		Set<String> authorities = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		String name = authentication.getPrincipal() instanceof StaffUser staff ? staff.fullName()
				: authentication.getName();
		return new Menu(true, name, authorities.contains("ROLE_STAFF"),
				authorities.stream().anyMatch(CASHIER_PAGES::contains),
				authorities.stream().anyMatch(ADVISOR_PAGES::contains), authorities.contains("ROLE_ADMIN"));
	}

}
