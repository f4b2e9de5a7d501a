package id.ugdkemiskinan.users.account;

import id.ugdkemiskinan.users.Role;
import id.ugdkemiskinan.users.login.LoginThrottle;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.DinasRef;
import id.ugdkemiskinan.common.ChangeAudit;
import id.ugdkemiskinan.common.EmailAddresses;
import id.ugdkemiskinan.common.PhoneNumbers;
import id.ugdkemiskinan.region.KecamatanRef;
import id.ugdkemiskinan.region.Regions;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: created, disabled and re-enabled by the admin; passwords reset and changed.
 */
@Service
@Transactional
public class UserAdministration {

	private final AppUserRepository users;

	private final PasswordEncoder encoder;

	private final Regions regions;

	private final Agencies agencies;

	private final Clock clock;

	private final LoginThrottle throttle;

	private final AccountSessions sessions;

	private final ChangeAudit audit;

	/** An account in "Riwayat perubahan" (never its password). */
	record AccountRecord(String username, String fullName, Role role, String kecamatanCode, String dinasCode,
			boolean enabled) {

		static AccountRecord of(AppUser user) {
			return new AccountRecord(user.getUsername(), user.getFullName(), user.getRole(), user.getKecamatanCode(),
					user.getDinasCode(), user.isEnabled());
		}

	}

	/** An account's failed logins in "Riwayat perubahan", before and after an unlock. */
	record LoginFailuresRecord(String username, int failures) {
	}

	UserAdministration(AppUserRepository users, PasswordEncoder encoder, Regions regions, Agencies agencies,
			Clock clock, LoginThrottle throttle, AccountSessions sessions, ChangeAudit audit) {
		this.audit = audit;
		this.users = users;
		this.encoder = encoder;
		this.regions = regions;
		this.agencies = agencies;
		this.clock = clock;
		this.throttle = throttle;
		this.sessions = sessions;
	}

	@Transactional(readOnly = true)
	public List<UserRow> list() {
		Map<String, String> kecamatan = this.regions.kecamatan()
			.stream()
			.collect(Collectors.toMap(KecamatanRef::code, KecamatanRef::name));
		Map<String, String> dinas = this.agencies.dinas()
			.stream()
			.collect(Collectors.toMap(DinasRef::code, DinasRef::name));
		Map<String, LoginThrottle.LoginFailures> failures = this.throttle.recentFailures();
		return this.users.findAllByOrderByRoleAscUsernameAsc()
			.stream()
			.map(u -> new UserRow(u.getId(), u.getUsername(), u.getFullName(), u.getRole(),
					u.getKecamatanCode() != null ? kecamatan.getOrDefault(u.getKecamatanCode(), u.getKecamatanCode())
							: u.getDinasCode() != null ? dinas.getOrDefault(u.getDinasCode(), u.getDinasCode()) : null,
					u.isEnabled(), u.isMustChangePassword(), u.getCreatedAt(), u.getEmail(), u.getPhone(),
					failures.get(u.getUsername())))
			.toList();
	}

	/**
	 * Creates an account with a temporary password that the user must change at first
	 * login.
	 * @return the temporary password, to be shown once to the admin
	 */
	public String create(CreateUserForm form) {
		String username = Usernames.normalize(form.username());
		if (this.users.existsByUsername(username)) {
			throw new UserAccountException("username", "user.username.taken");
		}
		String kecamatanCode = null;
		String dinasCode = null;
		if (form.role() == Role.OPERATOR_UPT) {
			kecamatanCode = this.regions.kecamatan(form.kecamatanCode())
				.map(KecamatanRef::code)
				.orElseThrow(() -> new UserAccountException("kecamatanCode", "user.kecamatan.required"));
		}
		else if (form.role() == Role.PETUGAS_DINAS) {
			dinasCode = this.agencies.dinas(form.dinasCode())
				.filter(d -> !d.secretariat() && d.active())
				.map(DinasRef::code)
				.orElseThrow(() -> new UserAccountException("dinasCode", "user.dinas.required"));
		}
		String email = email(form.email());
		String phone = phone(form.phone());
		String temporary = TemporaryPasswords.generate();
		AppUser user = new AppUser(username, form.fullName().trim(), this.encoder.encode(temporary), form.role(),
				kecamatanCode, dinasCode, true, this.clock.instant());
		user.setContacts(email, phone);
		this.users.save(user);
		return temporary;
	}

	/**
	 * Creates an account with a known password unless the user name is taken; for demo
	 * and first-start accounts.
	 */
	public boolean createIfAbsent(String username, String fullName, String password, Role role, String kecamatanCode,
			String dinasCode) {
		String normalized = Usernames.normalize(username);
		if (this.users.existsByUsername(normalized)) {
			return false;
		}
		PasswordPolicy.violation(normalized, password).ifPresent(key -> {
			throw new IllegalArgumentException("Password for " + normalized + " breaks the password rule: " + key);
		});
		this.users.save(new AppUser(normalized, fullName, this.encoder.encode(password), role, kecamatanCode, dinasCode,
				false, this.clock.instant()));
		return true;
	}

	@Transactional(readOnly = true)
	public AccountContacts contacts(long id) {
		AppUser user = find(id);
		return new AccountContacts(user.getId(), user.getUsername(), user.getFullName(), user.getEmail(),
				user.getPhone());
	}

	/**
	 * Sets an account's contacts from the admin's form: an empty field removes that
	 * contact; the number is stored in E.164.
	 */
	public void changeContacts(long id, ContactForm form) {
		String email = email(form.email());
		String phone = phone(form.phone());
		find(id).setContacts(email, phone);
	}

	/**
	 * Gives an account the contacts unless it has some already (the demo accounts'
	 * contacts, set once).
	 * @return whether they were set
	 */
	public boolean setContactsIfNone(String username, String email, String phone) {
		return this.users.findByUsername(Usernames.normalize(username))
			.filter(u -> u.getEmail() == null && u.getPhone() == null)
			.map(u -> {
				u.setContacts(email(email), phone(phone));
				return true;
			})
			.orElse(false);
	}

	/** The account as the edit form shows it. */
	@Transactional(readOnly = true)
	public EditUserForm editForm(long id) {
		AppUser user = find(id);
		return new EditUserForm(user.getFullName(), user.getRole().name(), user.getKecamatanCode(), user.getDinasCode(),
				Long.toString(user.getVersion()));
	}

	/**
	 * Changes name, role and scope, version-checked and audited; a changed role or scope
	 * ends the account's open sessions (in PostgreSQL, so on every instance), so that it
	 * takes effect at once: the user logs in again with the new rights.
	 */
	public void edit(long id, long version, EditUserForm form, long actorId, String actorName) {
		AppUser user = find(id);
		if (user.getVersion() != version) {
			throw new UserAccountException(null, "refdata.stale");
		}
		Role role = form.parsedRole();
		if (role == null) {
			throw new UserAccountException("role", "user.role.required");
		}
		if (id == actorId && role != Role.ADMIN) {
			throw new UserAccountException("role", "refdata.user.ownRole");
		}
		String kecamatanCode = null;
		String dinasCode = null;
		if (role == Role.OPERATOR_UPT) {
			kecamatanCode = this.regions.kecamatan(form.kecamatanCode())
				.map(KecamatanRef::code)
				.orElseThrow(() -> new UserAccountException("kecamatanCode", "user.kecamatan.required"));
		}
		else if (role == Role.PETUGAS_DINAS) {
			dinasCode = this.agencies.dinas(form.dinasCode())
				.filter(d -> !d.secretariat() && (d.active() || d.code().equals(user.getDinasCode())))
				.map(DinasRef::code)
				.orElseThrow(() -> new UserAccountException("dinasCode", "user.dinas.required"));
		}
		AccountRecord before = AccountRecord.of(user);
		user.changeProfile(form.fullName().strip(), role, kecamatanCode, dinasCode);
		AccountRecord after = AccountRecord.of(user);
		if (before.equals(after)) {
			return;
		}
		this.audit.record(actorId, actorName, "USER", user.getUsername(), ChangeAudit.Action.UPDATED, before, after,
				this.clock.instant());
		if (before.role() != after.role() || !java.util.Objects.equals(before.kecamatanCode(), after.kecamatanCode())
				|| !java.util.Objects.equals(before.dinasCode(), after.dinasCode())) {
			this.sessions.endAllAfterCommit(user.getUsername());
		}
	}

	public void setEnabled(long id, boolean enabled, long actingUserId) {
		if (id == actingUserId && !enabled) {
			throw new UserAccountException(null, "user.disable.self");
		}
		AppUser user = find(id);
		AccountRecord before = AccountRecord.of(user);
		user.setEnabled(enabled);
		if (before.enabled() != enabled) {
			this.audit.record(actingUserId, username(actingUserId), "USER", user.getUsername(),
					enabled ? ChangeAudit.Action.ACTIVATED : ChangeAudit.Action.DEACTIVATED, before,
					AccountRecord.of(user), this.clock.instant());
		}
		if (!enabled) {
			this.sessions.endAllAfterCommit(user.getUsername());
		}
	}

	/**
	 * Forgets the account's failed logins from every source, so that nobody is held back
	 * from trying it.
	 */
	public void unlock(long id, long actorId, String actorName) {
		String username = find(id).getUsername();
		LoginThrottle.LoginFailures failures = this.throttle.recentFailures().get(username);
		this.throttle.unlock(username);
		this.audit.record(actorId, actorName, "USER_LOGIN_FAILURES", username, ChangeAudit.Action.UPDATED,
				new LoginFailuresRecord(username, failures == null ? 0 : failures.failures()),
				new LoginFailuresRecord(username, 0), this.clock.instant());
	}

	/**
	 * @return the new temporary password, to be shown once to the admin
	 */
	public String resetPassword(long id) {
		String temporary = TemporaryPasswords.generate();
		AppUser user = find(id);
		user.changePassword(this.encoder.encode(temporary), true);
		this.sessions.endAllAfterCommit(user.getUsername());
		return temporary;
	}

	/**
	 * The user's own change: proves the current password, applies the password rule, and
	 * ends the account's other sessions (a stolen session does not survive the change).
	 * @param currentSessionId the session making the change, which stays logged in
	 */
	public void changeOwnPassword(long id, PasswordChangeForm form, String currentSessionId) {
		AppUser user = find(id);
		if (!this.encoder.matches(form.currentPassword(), user.getPasswordHash())) {
			throw new UserAccountException("currentPassword", "password.current.wrong");
		}
		if (!form.newPassword().equals(form.confirmPassword())) {
			throw new UserAccountException("confirmPassword", "password.confirm.mismatch");
		}
		PasswordPolicy.violation(user.getUsername(), form.newPassword()).ifPresent(key -> {
			throw new UserAccountException("newPassword", key);
		});
		if (this.encoder.matches(form.newPassword(), user.getPasswordHash())) {
			throw new UserAccountException("newPassword", "password.new.sameAsCurrent");
		}
		user.changePassword(this.encoder.encode(form.newPassword()), false);
		this.sessions.endAllButAfterCommit(user.getUsername(), currentSessionId);
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.users.count();
	}

	@Transactional(readOnly = true)
	public String username(long id) {
		return find(id).getUsername();
	}

	private static String email(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		return EmailAddresses.normalize(typed)
			.orElseThrow(() -> new UserAccountException("email", "user.email.invalid"));
	}

	private static String phone(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		return PhoneNumbers.normalizeMobile(typed)
			.orElseThrow(() -> new UserAccountException("phone", "user.phone.invalid"));
	}

	private AppUser find(long id) {
		return this.users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
	}

}
