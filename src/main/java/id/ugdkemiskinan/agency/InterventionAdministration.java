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
 * The admin's changes to the interventions (add, rename, provider, order, deactivate) and
 * their providers (a dinas, or a partner with its programme). Version-checked and written
 * to "Riwayat perubahan"; resolved assignments keep their intervention code.
 */
@Service
public class InterventionAdministration {

	public static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

	public static final int NAME_MAX = 100;

	public static final int PROVIDER_NAME_MAX = 150;

	/** The kinds of provider. */
	public enum ProviderKind {

		DINAS, CSR, BAZNAS, MITRA_LAIN

	}

	public record InterventionRow(String code, String name, @Nullable String providerCode, int sortOrder,
			boolean active, long version) {
	}

	public record ProviderRow(String code, String kind, @Nullable String dinasCode, String name,
			@Nullable String programme, boolean active, long version) {
	}

	private final JdbcClient jdbc;

	private final ChangeAudit audit;

	private final Clock clock;

	InterventionAdministration(JdbcClient jdbc, ChangeAudit audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<InterventionRow> interventions() {
		return this.jdbc.sql(
				"SELECT code, name, provider_code, sort_order, active, version FROM intervention ORDER BY sort_order, code")
			.query(InterventionRow.class)
			.list();
	}

	@Transactional(readOnly = true)
	public List<ProviderRow> providers() {
		return this.jdbc.sql(
				"SELECT code, kind, dinas_code, name, programme, active, version FROM provider ORDER BY active DESC, kind, name")
			.query(ProviderRow.class)
			.list();
	}

	@Transactional(readOnly = true)
	public InterventionRow intervention(String code) {
		return findIntervention(code, false).orElseThrow(() -> new NotFoundException("No intervention " + code));
	}

	@Transactional
	public void createIntervention(String code, String name, @Nullable String providerCode, @Nullable Long actorId,
			String actorName) {
		if (findIntervention(code, false).isPresent()) {
			throw new ReferenceChangeRefused("code", "refdata.intervention.code.taken");
		}
		checkProvider(providerCode);
		this.jdbc.sql("""
				INSERT INTO intervention (code, name, provider_code, sort_order)
				VALUES (:code, :name, :provider, (SELECT coalesce(max(sort_order), 0) + 1 FROM intervention))""")
			.param("code", code)
			.param("name", name)
			.param("provider", providerCode)
			.update();
		this.audit.record(actorId, actorName, "INTERVENTION", code, Action.CREATED, null, intervention(code),
				this.clock.instant());
	}

	@Transactional
	public void editIntervention(String code, long version, String name, @Nullable String providerCode,
			@Nullable Long actorId, String actorName) {
		InterventionRow before = lockIntervention(code, version);
		checkProvider(providerCode);
		this.jdbc.sql(
				"UPDATE intervention SET name = :name, provider_code = :provider, version = version + 1 WHERE code = :code")
			.param("code", code)
			.param("name", name)
			.param("provider", providerCode)
			.update();
		this.audit.record(actorId, actorName, "INTERVENTION", code, Action.UPDATED, before, intervention(code),
				this.clock.instant());
	}

	@Transactional
	public void setInterventionActive(String code, long version, boolean active, @Nullable Long actorId,
			String actorName) {
		InterventionRow before = lockIntervention(code, version);
		if (before.active() == active) {
			return;
		}
		this.jdbc.sql("UPDATE intervention SET active = :active, version = version + 1 WHERE code = :code")
			.param("active", active)
			.param("code", code)
			.update();
		this.audit.record(actorId, actorName, "INTERVENTION", code, active ? Action.ACTIVATED : Action.DEACTIVATED,
				before, intervention(code), this.clock.instant());
	}

	/** Swaps the intervention with its neighbour above ({@code up}) or below. */
	@Transactional
	public void moveIntervention(String code, long version, boolean up, @Nullable Long actorId, String actorName) {
		this.jdbc.sql("SELECT code FROM intervention ORDER BY code FOR UPDATE").query(String.class).list();
		InterventionRow before = lockIntervention(code, version);
		List<InterventionRow> all = interventions();
		int at = all.indexOf(before);
		int other = up ? at - 1 : at + 1;
		if (at < 0 || other < 0 || other >= all.size()) {
			return;
		}
		InterventionRow neighbour = all.get(other);
		for (int i = 0; i < all.size(); i++) {
			int position = (i == at) ? other + 1 : (i == other) ? at + 1 : i + 1;
			if (all.get(i).sortOrder() != position) {
				this.jdbc.sql("UPDATE intervention SET sort_order = :p, version = version + 1 WHERE code = :code")
					.param("p", position)
					.param("code", all.get(i).code())
					.update();
			}
		}
		var now = this.clock.instant();
		this.audit.record(actorId, actorName, "INTERVENTION", code, Action.UPDATED, before, intervention(code), now);
		this.audit.record(actorId, actorName, "INTERVENTION", neighbour.code(), Action.UPDATED, neighbour,
				intervention(neighbour.code()), now);
	}

	@Transactional
	public void createProvider(String code, ProviderKind kind, @Nullable String dinasCode, String name,
			@Nullable String programme, @Nullable Long actorId, String actorName) {
		if (findProvider(code).isPresent()) {
			throw new ReferenceChangeRefused("code", "refdata.provider.code.taken");
		}
		if (kind == ProviderKind.DINAS) {
			boolean known = dinasCode != null && this.jdbc.sql("SELECT count(*) FROM dinas WHERE code = :c AND active")
				.param("c", dinasCode)
				.query(Integer.class)
				.single() > 0;
			if (!known) {
				throw new ReferenceChangeRefused("dinasCode", "refdata.provider.dinas.required");
			}
		}
		this.jdbc.sql("""
				INSERT INTO provider (code, kind, dinas_code, name, programme)
				VALUES (:code, :kind, :dinas, :name, :programme)""")
			.param("code", code)
			.param("kind", kind.name())
			.param("dinas", kind == ProviderKind.DINAS ? dinasCode : null)
			.param("name", name)
			.param("programme", programme)
			.update();
		this.audit.record(actorId, actorName, "PROVIDER", code, Action.CREATED, null, findProvider(code).orElseThrow(),
				this.clock.instant());
	}

	@Transactional
	public void setProviderActive(String code, long version, boolean active, @Nullable Long actorId, String actorName) {
		ProviderRow before = findProvider(code).orElseThrow(() -> new NotFoundException("No provider " + code));
		if (before.version() != version) {
			throw new StaleReferenceException(code);
		}
		if (before.active() == active) {
			return;
		}
		this.jdbc.sql("UPDATE provider SET active = :active, version = version + 1 WHERE code = :code")
			.param("active", active)
			.param("code", code)
			.update();
		this.audit.record(actorId, actorName, "PROVIDER", code, active ? Action.ACTIVATED : Action.DEACTIVATED, before,
				findProvider(code).orElseThrow(), this.clock.instant());
	}

	private void checkProvider(@Nullable String providerCode) {
		if (providerCode != null && findProvider(providerCode).filter(ProviderRow::active).isEmpty()) {
			throw new ReferenceChangeRefused("providerCode", "refdata.intervention.provider.unknown");
		}
	}

	private InterventionRow lockIntervention(String code, long version) {
		InterventionRow row = findIntervention(code, true)
			.orElseThrow(() -> new NotFoundException("No intervention " + code));
		if (row.version() != version) {
			throw new StaleReferenceException(code);
		}
		return row;
	}

	private Optional<InterventionRow> findIntervention(String code, boolean forUpdate) {
		return this.jdbc
			.sql("SELECT code, name, provider_code, sort_order, active, version FROM intervention WHERE code = :code"
					+ (forUpdate ? " FOR UPDATE" : ""))
			.param("code", code)
			.query(InterventionRow.class)
			.optional();
	}

	private Optional<ProviderRow> findProvider(String code) {
		return this.jdbc.sql(
				"SELECT code, kind, dinas_code, name, programme, active, version FROM provider WHERE code = :code FOR UPDATE")
			.param("code", code)
			.query(ProviderRow.class)
			.optional();
	}

}
