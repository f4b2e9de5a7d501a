package id.ugdkemiskinan.users;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user with their role and scope: the principal of every authenticated
 * request. Stored in the shared (JDBC) session, hence serializable; the authenticated
 * principal carries no password hash ({@link #withoutPassword()}).
 *
 * @param kecamatanCode the operator's kecamatan, else {@code null}
 * @param dinasCode the dinas staff member's dinas, else {@code null}
 * @param scopeName the name of that kecamatan or dinas, for the header
 */
public record CurrentUser(long id, String username, String fullName, Role role, String kecamatanCode, String dinasCode,
		String scopeName, boolean enabled, boolean mustChangePassword, String password) implements UserDetails {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	public CurrentUser withoutPassword() {
		return new CurrentUser(this.id, this.username, this.fullName, this.role, this.kecamatanCode, this.dinasCode,
				this.scopeName, this.enabled, this.mustChangePassword, null);
	}

	public CurrentUser withPasswordChanged() {
		return new CurrentUser(this.id, this.username, this.fullName, this.role, this.kecamatanCode, this.dinasCode,
				this.scopeName, this.enabled, false, null);
	}

}
