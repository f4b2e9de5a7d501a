package id.ugdkemiskinan.agency;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import id.ugdkemiskinan.common.ChangeAudit;
import id.ugdkemiskinan.common.ChangeAudit.Action;
import id.ugdkemiskinan.common.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's changes to the dinas: add, rename, deactivate and activate, and which one
 * is the secretariat. Every change is version-checked and written to "Riwayat perubahan";
 * none touches what already happened (assignments keep their dinas code).
 */
@Service
public class DinasAdministration {

	/** The dinas code, as the database checks it. */
	public static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,19}$");

	public static final int NAME_MAX = 150;

	static final String ENTITY = "DINAS";

	/** A dinas as the admin sees and changes it. */
	public record DinasRow(String code, String name, boolean secretariat, boolean active, long version) {
	}

	private final JdbcClient jdbc;

	private final ChangeAudit audit;

	private final Clock clock;

	DinasAdministration(JdbcClient jdbc, ChangeAudit audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<DinasRow> list() {
		return this.jdbc
			.sql("SELECT code, name, secretariat, active, version FROM dinas ORDER BY active DESC, secretariat, code")
			.query(DinasRow.class)
			.list();
	}

	@Transactional(readOnly = true)
	public DinasRow get(String code) {
		return find(code, false).orElseThrow(() -> new NotFoundException("No dinas " + code));
	}

	@Transactional
	public void create(String code, String name, @Nullable Long actorId, String actorName) {
		if (find(code, false).isPresent()) {
			throw new ReferenceChangeRefused("code", "refdata.dinas.code.taken");
		}
		this.jdbc.sql("INSERT INTO dinas (code, name) VALUES (:code, :name)")
			.param("code", code)
			.param("name", name)
			.update();
		this.audit.record(actorId, actorName, ENTITY, code, Action.CREATED, null, get(code), this.clock.instant());
	}

	@Transactional
	public void rename(String code, long version, String name, @Nullable Long actorId, String actorName) {
		DinasRow before = lock(code, version);
		this.jdbc.sql("UPDATE dinas SET name = :name, version = version + 1 WHERE code = :code")
			.param("name", name)
			.param("code", code)
			.update();
		this.audit.record(actorId, actorName, ENTITY, code, Action.UPDATED, before, get(code), this.clock.instant());
	}

	/**
	 * A deactivated dinas gets no new routes (routing reads {@code active}); its open
	 * assignments and its history stay.
	 */
	@Transactional
	public void setActive(String code, long version, boolean active, @Nullable Long actorId, String actorName) {
		DinasRow before = lock(code, version);
		if (!active && before.secretariat()) {
			throw new ReferenceChangeRefused("active", "refdata.dinas.secretariatCannotDeactivate");
		}
		if (before.active() == active) {
			return;
		}
		this.jdbc.sql("UPDATE dinas SET active = :active, version = version + 1 WHERE code = :code")
			.param("active", active)
			.param("code", code)
			.update();
		this.audit.record(actorId, actorName, ENTITY, code, active ? Action.ACTIVATED : Action.DEACTIVATED, before,
				get(code), this.clock.instant());
	}

	/**
	 * Moves the secretariat flag to this dinas in one transaction (the unique partial
	 * index {@code dinas_single_secretariat} keeps it to one).
	 */
	@Transactional
	public void makeSecretariat(String code, long version, @Nullable Long actorId, String actorName) {
		DinasRow before = lock(code, version);
		if (before.secretariat()) {
			return;
		}
		if (!before.active()) {
			throw new ReferenceChangeRefused("secretariat", "refdata.dinas.inactiveCannotBeSecretariat");
		}
		Optional<DinasRow> previous = this.jdbc
			.sql("SELECT code, name, secretariat, active, version FROM dinas WHERE secretariat FOR UPDATE")
			.query(DinasRow.class)
			.optional();
		this.jdbc.sql("UPDATE dinas SET secretariat = false, version = version + 1 WHERE secretariat").update();
		this.jdbc.sql("UPDATE dinas SET secretariat = true, version = version + 1 WHERE code = :code")
			.param("code", code)
			.update();
		var now = this.clock.instant();
		previous.ifPresent(
				p -> this.audit.record(actorId, actorName, ENTITY, p.code(), Action.UPDATED, p, get(p.code()), now));
		this.audit.record(actorId, actorName, ENTITY, code, Action.UPDATED, before, get(code), now);
	}

	/** The row locked for the change, or stale when its version moved on. */
	private DinasRow lock(String code, long version) {
		DinasRow row = find(code, true).orElseThrow(() -> new NotFoundException("No dinas " + code));
		if (row.version() != version) {
			throw new StaleReferenceException(code);
		}
		return row;
	}

	private Optional<DinasRow> find(String code, boolean forUpdate) {
		return this.jdbc
			.sql("SELECT code, name, secretariat, active, version FROM dinas WHERE code = :code"
					+ (forUpdate ? " FOR UPDATE" : ""))
			.param("code", code)
			.query(DinasRow.class)
			.optional();
	}

}
