package id.ugdkemiskinan.users.admin;

import id.ugdkemiskinan.users.Role;
import id.ugdkemiskinan.users.account.PasswordPolicy;
import id.ugdkemiskinan.users.account.UserAdministration;
import id.ugdkemiskinan.users.account.Usernames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * In {@code prod}, the first start with no account at all creates the administrator from
 * {@code UGD_ADMIN_USERNAME}/{@code UGD_ADMIN_PASSWORD}, and refuses to start without
 * them: an instance nobody can log in to helps nobody.
 */
@Component
@Profile("prod")
@Order(10)
class ProductionAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ProductionAdmin.class);

	private final AdminProperties properties;

	private final UserAdministration administration;

	ProductionAdmin(AdminProperties properties, UserAdministration administration) {
		this.properties = properties;
		this.administration = administration;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.administration.count() > 0) {
			return;
		}
		AdminProperties admin = this.properties;
		if (!StringUtils.hasText(admin.username()) || !StringUtils.hasText(admin.password())) {
			throw new IllegalStateException(
					"No user account exists yet: set UGD_ADMIN_USERNAME and UGD_ADMIN_PASSWORD for the first administrator");
		}
		PasswordPolicy.violation(admin.username(), admin.password()).ifPresent(key -> {
			throw new IllegalStateException("UGD_ADMIN_PASSWORD breaks the password rule (" + key + "): at least "
					+ PasswordPolicy.MIN_LENGTH + " characters, at most " + PasswordPolicy.MAX_BYTES
					+ " bytes, not the user name, not one repeated character, not a common password");
		});
		this.administration.createIfAbsent(admin.username(), "Administrator", admin.password(), Role.ADMIN, null, null);
		log.info("Created the first administrator '{}'", Usernames.normalize(admin.username()));
	}

}
