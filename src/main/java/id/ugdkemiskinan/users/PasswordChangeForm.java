package id.ugdkemiskinan.users;

import jakarta.validation.constraints.NotBlank;

record PasswordChangeForm(
		@NotBlank(message = "{password.current.required}") String currentPassword,
		@NotBlank(message = "{password.new.required}") String newPassword,
		@NotBlank(message = "{password.confirm.required}") String confirmPassword) {

	static PasswordChangeForm empty() {
		return new PasswordChangeForm("", "", "");
	}

}
