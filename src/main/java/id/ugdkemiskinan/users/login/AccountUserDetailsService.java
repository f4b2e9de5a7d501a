package id.ugdkemiskinan.users.login;

import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.account.AppUser;
import id.ugdkemiskinan.users.account.AppUserRepository;
import id.ugdkemiskinan.users.account.Usernames;
import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.DinasRef;
import id.ugdkemiskinan.region.KecamatanRef;
import id.ugdkemiskinan.region.Regions;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts from the database, with the name of the user's kecamatan or dinas for
 * the header.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final AppUserRepository users;

	private final Regions regions;

	private final Agencies agencies;

	AccountUserDetailsService(AppUserRepository users, Regions regions, Agencies agencies) {
		this.users = users;
		this.regions = regions;
		this.agencies = agencies;
	}

	@Override
	@Transactional(readOnly = true)
	public CurrentUser loadUserByUsername(String username) {
		AppUser user = this.users.findByUsername(Usernames.normalize(username))
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
		return new CurrentUser(user.getId(), user.getUsername(), user.getFullName(), user.getRole(),
				user.getKecamatanCode(), user.getDinasCode(), scopeName(user), user.isEnabled(),
				user.isMustChangePassword(), user.getPasswordHash());
	}

	private String scopeName(AppUser user) {
		if (user.getKecamatanCode() != null) {
			return this.regions.kecamatan(user.getKecamatanCode())
				.map(KecamatanRef::name)
				.orElse(user.getKecamatanCode());
		}
		if (user.getDinasCode() != null) {
			return this.agencies.dinas(user.getDinasCode()).map(DinasRef::name).orElse(user.getDinasCode());
		}
		return null;
	}

}
