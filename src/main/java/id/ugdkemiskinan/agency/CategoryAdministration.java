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
 * The admin's changes to the categories: add, edit (name, description, guidance, up to
 * three extra questions), order, deactivate and activate. Version-checked and written to
 * "Riwayat perubahan"; cases keep the categories they were filed with.
 */
@Service
public class CategoryAdministration {

	/** The category code, as the database checks it. */
	public static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

	public static final int NAME_MAX = 100;

	public static final int DESCRIPTION_MAX = 300;

	public static final int GUIDANCE_MAX = 500;

	public static final int QUESTION_MAX = 200;

	static final String ENTITY = "CATEGORY";

	/** A category as the admin sees and changes it. */
	public record CategoryRow(String code, String name, String description, @Nullable String guidance,
			@Nullable String question1, @Nullable String question2, @Nullable String question3, int sortOrder,
			boolean active, long version) {

		/** How many extra questions the filing form asks. */
		public int questionCount() {
			return (this.question1 == null ? 0 : 1) + (this.question2 == null ? 0 : 1)
					+ (this.question3 == null ? 0 : 1);
		}

	}

	/** What the admin typed, checked already. */
	public record CategoryText(String name, String description, @Nullable String guidance, @Nullable String question1,
			@Nullable String question2, @Nullable String question3) {
	}

	private static final String COLUMNS = "code, name, description, guidance, question_1 AS question1, "
			+ "question_2 AS question2, question_3 AS question3, sort_order, active, version";

	private final JdbcClient jdbc;

	private final ChangeAudit audit;

	private final Clock clock;

	CategoryAdministration(JdbcClient jdbc, ChangeAudit audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<CategoryRow> list() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM category ORDER BY sort_order, code")
			.query(CategoryRow.class)
			.list();
	}

	@Transactional(readOnly = true)
	public CategoryRow get(String code) {
		return find(code, false).orElseThrow(() -> new NotFoundException("No category " + code));
	}

	@Transactional
	public void create(String code, CategoryText text, @Nullable Long actorId, String actorName) {
		if (find(code, false).isPresent()) {
			throw new ReferenceChangeRefused("code", "refdata.category.code.taken");
		}
		this.jdbc.sql("""
				INSERT INTO category (code, name, description, guidance, question_1, question_2, question_3, sort_order)
				VALUES (:code, :name, :description, :guidance, :q1, :q2, :q3,
				        (SELECT coalesce(max(sort_order), 0) + 1 FROM category))""")
			.param("code", code)
			.param("name", text.name())
			.param("description", text.description())
			.param("guidance", text.guidance())
			.param("q1", text.question1())
			.param("q2", text.question2())
			.param("q3", text.question3())
			.update();
		this.audit.record(actorId, actorName, ENTITY, code, Action.CREATED, null, get(code), this.clock.instant());
	}

	@Transactional
	public void edit(String code, long version, CategoryText text, @Nullable Long actorId, String actorName) {
		CategoryRow before = lock(code, version);
		this.jdbc.sql("""
				UPDATE category SET name = :name, description = :description, guidance = :guidance,
				       question_1 = :q1, question_2 = :q2, question_3 = :q3, version = version + 1
				WHERE code = :code""")
			.param("code", code)
			.param("name", text.name())
			.param("description", text.description())
			.param("guidance", text.guidance())
			.param("q1", text.question1())
			.param("q2", text.question2())
			.param("q3", text.question3())
			.update();
		this.audit.record(actorId, actorName, ENTITY, code, Action.UPDATED, before, get(code), this.clock.instant());
	}

	@Transactional
	public void setActive(String code, long version, boolean active, @Nullable Long actorId, String actorName) {
		CategoryRow before = lock(code, version);
		if (before.active() == active) {
			return;
		}
		this.jdbc.sql("UPDATE category SET active = :active, version = version + 1 WHERE code = :code")
			.param("active", active)
			.param("code", code)
			.update();
		this.audit.record(actorId, actorName, ENTITY, code, active ? Action.ACTIVATED : Action.DEACTIVATED, before,
				get(code), this.clock.instant());
	}

	/**
	 * Swaps the category with its neighbour above ({@code up}) or below; at an end,
	 * nothing.
	 */
	@Transactional
	public void move(String code, long version, boolean up, @Nullable Long actorId, String actorName) {
		this.jdbc.sql("SELECT code FROM category ORDER BY code FOR UPDATE").query(String.class).list();
		CategoryRow before = lock(code, version);
		List<CategoryRow> all = list();
		int at = -1;
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).code().equals(code)) {
				at = i;
			}
		}
		int other = up ? at - 1 : at + 1;
		if (other < 0 || other >= all.size()) {
			return;
		}
		CategoryRow neighbour = all.get(other);
		// Positions by index, so that equal sort orders are put right too.
		int mine = other + 1;
		int theirs = at + 1;
		for (int i = 0; i < all.size(); i++) {
			CategoryRow row = all.get(i);
			int position = (i == at) ? mine : (i == other) ? theirs : i + 1;
			if (row.sortOrder() != position) {
				this.jdbc.sql("UPDATE category SET sort_order = :position, version = version + 1 WHERE code = :code")
					.param("position", position)
					.param("code", row.code())
					.update();
			}
		}
		var now = this.clock.instant();
		this.audit.record(actorId, actorName, ENTITY, code, Action.UPDATED, before, get(code), now);
		this.audit.record(actorId, actorName, ENTITY, neighbour.code(), Action.UPDATED, neighbour,
				get(neighbour.code()), now);
	}

	private CategoryRow lock(String code, long version) {
		CategoryRow row = find(code, true).orElseThrow(() -> new NotFoundException("No category " + code));
		if (row.version() != version) {
			throw new StaleReferenceException(code);
		}
		return row;
	}

	private Optional<CategoryRow> find(String code, boolean forUpdate) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM category WHERE code = :code" + (forUpdate ? " FOR UPDATE" : ""))
			.param("code", code)
			.query(CategoryRow.class)
			.optional();
	}

}
