package id.ugdkemiskinan.users.admin;

import id.ugdkemiskinan.users.Role;
import id.ugdkemiskinan.users.account.UserAdministration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import id.ugdkemiskinan.common.DemoMode;
import id.ugdkemiskinan.region.KecamatanRef;
import id.ugdkemiskinan.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, the demo accounts of the README (all with password {@value #PASSWORD}),
 * created once and left alone afterwards. The two operators belong to Genteng and Muncar
 * in Banyuwangi, and to the first two kecamatan (by code) of any other kabupaten. Each
 * carries demo contacts ({@code <username>@ugd.test}, +62 812 0000 xxxx), also given at
 * start to a demo account that has none.
 */
@Component
@Order(10)
public class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "banyuwangi";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final DemoMode demoMode;

	private final Regions regions;

	private final UserAdministration administration;

	DemoAccounts(DemoMode demoMode, Regions regions, UserAdministration administration) {
		this.demoMode = demoMode;
		this.regions = regions;
		this.administration = administration;
	}

	/**
	 * A demo login, as listed on the login page.
	 *
	 * @param scope the operator's kecamatan code or the dinas code
	 * @param scopeName what the login page shows of that scope
	 */
	public record DemoAccount(String username, Role role, String scope, String scopeName) {
	}

	/** The demo logins, or none outside demo mode. */
	public List<DemoAccount> accounts() {
		if (!this.demoMode.enabled()) {
			return List.of();
		}
		List<DemoAccount> accounts = new ArrayList<>();
		accounts.add(new DemoAccount("admin", Role.ADMIN, null, null));
		accounts.add(new DemoAccount("sekretariat", Role.SEKRETARIAT, null, null));
		accounts.add(new DemoAccount("pimpinan", Role.PIMPINAN, null, null));
		for (String dinas : List.of("DINSOS", "DINDIK", "DINKES", "BPMD")) {
			accounts.add(new DemoAccount(dinas.toLowerCase(Locale.ROOT), Role.PETUGAS_DINAS, dinas, dinas));
		}
		for (KecamatanRef kecamatan : operatorKecamatan()) {
			String username = "upt." + kecamatan.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
			accounts.add(new DemoAccount(username, Role.OPERATOR_UPT, kecamatan.code(), kecamatan.name()));
		}
		return accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demoMode.enabled()) {
			return;
		}
		int created = 0;
		for (DemoAccount account : accounts()) {
			String kecamatan = account.role() == Role.OPERATOR_UPT ? account.scope() : null;
			String dinas = account.role() == Role.PETUGAS_DINAS ? account.scope() : null;
			if (this.administration.createIfAbsent(account.username(), fullName(account), PASSWORD, account.role(),
					kecamatan, dinas)) {
				created++;
			}
		}
		log.info("Demo mode: {} demo accounts created, password '{}'", created, PASSWORD);
		List<DemoAccount> accounts = accounts();
		int contacts = 0;
		for (int i = 0; i < accounts.size(); i++) {
			String username = accounts.get(i).username();
			if (this.administration.setContactsIfNone(username, email(username), phone(i))) {
				contacts++;
			}
		}
		if (contacts > 0) {
			log.info("Demo mode: {} demo accounts got their demo contacts", contacts);
		}
	}

	/** A demo account's address: nobody's inbox ({@code .test} is reserved). */
	static String email(String username) {
		return username + "@ugd.test";
	}

	/**
	 * The demo account's number, in the order of {@link #accounts()}: +62 812 0000 0001,
	 * 0002, ...
	 */
	static String phone(int index) {
		return "+628120000" + String.format(Locale.ROOT, "%04d", index + 1);
	}

	private List<KecamatanRef> operatorKecamatan() {
		List<KecamatanRef> all = this.regions.kecamatan()
			.stream()
			.sorted((a, b) -> a.code().compareTo(b.code()))
			.toList();
		if ("35.10".equals(this.regions.kabupaten().code())) {
			return all.stream().filter(k -> k.code().equals("35.10.09") || k.code().equals("35.10.05")).toList();
		}
		return all.subList(0, Math.min(2, all.size()));
	}

	private static String fullName(DemoAccount account) {
		return switch (account.role()) {
			case ADMIN -> "Admin Sistem (demo)";
			case SEKRETARIAT -> "Sekretariat UGD (demo)";
			case PIMPINAN -> "Pimpinan Daerah (demo)";
			case PETUGAS_DINAS -> "Petugas " + account.scope() + " (demo)";
			case OPERATOR_UPT -> "Operator UPT " + account.scopeName() + " (demo)";
		};
	}

}
