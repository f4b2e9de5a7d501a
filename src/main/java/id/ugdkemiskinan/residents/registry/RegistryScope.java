package id.ugdkemiskinan.residents.registry;

import java.util.Map;

import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.jspecify.annotations.Nullable;

/**
 * Which households (and so which persons) a user may see in the registry: the secretariat
 * all; an operator those of their kecamatan; a dinas a household only while it has an
 * open assignment on a case of one of its members; the leadership and the admin none (the
 * leadership sees figures, not names). Every query that reads the registry applies it in
 * SQL; a record outside it answers 404.
 */
public record RegistryScope(Role role, long userId, @Nullable String kecamatanCode, @Nullable String dinasCode) {

	public static RegistryScope of(CurrentUser user) {
		return new RegistryScope(user.role(), user.id(), user.kecamatanCode(), user.dinasCode());
	}

	/** Whether this user may use the registry at all. */
	public boolean mayUse() {
		return this.role == Role.SEKRETARIAT || this.role == Role.OPERATOR_UPT || this.role == Role.PETUGAS_DINAS;
	}

	/** Whether this user may see every household of the kabupaten. */
	public boolean seesEverything() {
		return this.role == Role.SEKRETARIAT;
	}

	/**
	 * The SQL condition on {@code household h} (use the alias {@code h}) for this scope,
	 * with its parameters from {@link #params()}.
	 */
	public String sqlCondition() {
		switch (this.role) {
			case SEKRETARIAT:
				return "TRUE";
			case OPERATOR_UPT:
				return "h.kecamatan_code = :scopeKecamatan";
			case PETUGAS_DINAS:
				return """
						EXISTS (SELECT 1 FROM person sp JOIN person_case spc ON spc.person_id = sp.id
						        JOIN assignment sa ON sa.case_id = spc.case_id
						        WHERE sp.household_id = h.id AND sa.dinas_code = :scopeDinas
						          AND sa.status IN ('MENUNGGU_RESPON', 'DIRESPON'))""";
			default:
				return "FALSE";
		}
	}

	/**
	 * A condition on {@code person p} implied by {@link #sqlCondition()} (a person's
	 * kecamatan is their household's), for a search to filter persons by an index before
	 * it joins their households; {@code TRUE} where the scope is not by kecamatan.
	 */
	public String personCondition() {
		return (this.role == Role.OPERATOR_UPT) ? "p.kecamatan_code = :scopeKecamatan" : "TRUE";
	}

	/** The parameters of {@link #sqlCondition()}. */
	public Map<String, Object> params() {
		return Map.of("scopeKecamatan", (this.kecamatanCode != null) ? this.kecamatanCode : "", "scopeDinas",
				(this.dinasCode != null) ? this.dinasCode : "");
	}

}
