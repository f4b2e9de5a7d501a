package id.ugdkemiskinan.users.account;

import jakarta.validation.constraints.NotBlank;

public record PasswordChangeForm(@NotBlank(message = "{password.current.required}") String currentPassword,
		@NotBlank(message = "{password.new.required}") String newPassword,
		@NotBlank(message = "{password.confirm.required}") String confirmPassword) {

	public static PasswordChangeForm empty() {
		return new PasswordChangeForm("", "", "");
	}

}
