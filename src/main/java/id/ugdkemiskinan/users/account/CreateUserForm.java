package id.ugdkemiskinan.users.account;

import id.ugdkemiskinan.users.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The admin's "new user" form. The scope field that fits the role is required; the
 * contacts (email, Indonesian mobile number) are optional.
 */
public record CreateUserForm(
		@NotBlank(message = "{user.username.required}") @Pattern(regexp = "^\\s*[A-Za-z0-9][A-Za-z0-9._-]{2,49}\\s*$",
				message = "{user.username.pattern}") String username,
		@NotBlank(message = "{user.fullName.required}") @Size(max = 100,
				message = "{user.fullName.size}") String fullName,
		@NotNull(message = "{user.role.required}") Role role, String kecamatanCode, String dinasCode, String email,
		String phone) {

	public static CreateUserForm empty() {
		return new CreateUserForm("", "", null, null, null, "", "");
	}

}
