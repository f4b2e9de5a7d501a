package id.ugdkemiskinan.users.account;

import id.ugdkemiskinan.users.Role;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "app_user")
public class AppUser {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String fullName;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private String kecamatanCode;

	private String dinasCode;

	private String email;

	private String phone;

	private boolean enabled;

	private boolean mustChangePassword;

	private Instant createdAt;

	@Version
	private long version;

	protected AppUser() {
	}

	AppUser(String username, String fullName, String passwordHash, Role role, String kecamatanCode, String dinasCode,
			boolean mustChangePassword, Instant createdAt) {
		this.username = username;
		this.fullName = fullName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.kecamatanCode = kecamatanCode;
		this.dinasCode = dinasCode;
		this.enabled = true;
		this.mustChangePassword = mustChangePassword;
		this.createdAt = createdAt;
	}

	void changePassword(String newHash, boolean temporary) {
		this.passwordHash = newHash;
		this.mustChangePassword = temporary;
	}

	/** The contacts as stored: a checked email address and an E.164 number, or none. */
	void setContacts(String email, String phone) {
		this.email = email;
		this.phone = phone;
	}

	/** Name, role and the scope that fits the role (the other one empty). */
	void changeProfile(String fullName, Role role, String kecamatanCode, String dinasCode) {
		this.fullName = fullName;
		this.role = role;
		this.kecamatanCode = kecamatanCode;
		this.dinasCode = dinasCode;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getFullName() {
		return this.fullName;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public Role getRole() {
		return this.role;
	}

	public String getKecamatanCode() {
		return this.kecamatanCode;
	}

	public String getDinasCode() {
		return this.dinasCode;
	}

	public String getEmail() {
		return this.email;
	}

	public String getPhone() {
		return this.phone;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public boolean isMustChangePassword() {
		return this.mustChangePassword;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	long getVersion() {
		return this.version;
	}

}
