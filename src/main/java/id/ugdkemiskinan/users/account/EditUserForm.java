package id.ugdkemiskinan.users.account;

import id.ugdkemiskinan.users.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The admin's "edit user" form: name, role and scope; {@code version} is the account's
 * version the form was shown with.
 */
public record EditUserForm(
		@NotBlank(message = "{user.fullName.required}") @Size(max = 100,
				message = "{user.fullName.size}") String fullName,
		@NotBlank(message = "{user.role.required}") String role, String kecamatanCode, String dinasCode,
		String version) {

	/** The role chosen, or {@code null} when it is not one. */
	public Role parsedRole() {
		for (Role r : Role.values()) {
			if (r.name().equals(this.role)) {
				return r;
			}
		}
		return null;
	}

}
