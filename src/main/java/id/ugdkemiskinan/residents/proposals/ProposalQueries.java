package id.ugdkemiskinan.residents.proposals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.common.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The proposals as the list and the BNBA export read them, in the user's scope, in SQL:
 * waiting first (soonest due first), then decided (newest first).
 */
@Component
class ProposalQueries {

	private final JdbcClient jdbc;

	ProposalQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The list's filters, each already read strictly (null: all). */
	record Filter(@Nullable String kind, @Nullable String kecamatan, @Nullable String desa,
			@Nullable ProposalStatus status) {
	}

	enum ProposalStatus {

		MENUNGGU, DITERIMA, DITOLAK

	}

	/** One proposal as listed. */
	record Row(long id, String kind, String kindName, String name, String desaName, String kecamatanName, String ticket,
			Instant proposedAt, String proposedBy, Instant dueAt, boolean dueInWorkingDays, String status,
			@Nullable Instant decidedAt, @Nullable String decisionNote, @Nullable Instant breachedAt) {

		public boolean pending() {
			return "MENUNGGU".equals(this.status);
		}

		/**
		 * Waiting past its due time (the live state, whether or not the sweep has run).
		 */
		public boolean overdue(Instant now) {
			return now.isAfter(this.dueAt);
		}

		public java.time.Duration lateBy(Instant now) {
			return java.time.Duration.between(this.dueAt, now);
		}

		public java.time.Duration left(Instant now) {
			return java.time.Duration.between(now, this.dueAt);
		}

	}

	record Page(List<Row> rows, long counted) {
	}

	private static final String FROM = """
			FROM data_proposal d
			JOIN case_file c ON c.id = d.case_id
			JOIN intervention i ON i.code = d.kind
			JOIN desa ds ON ds.code = d.desa_code
			JOIN kecamatan k ON k.code = d.kecamatan_code
			LEFT JOIN person p ON p.id = d.person_id
			LEFT JOIN household h ON h.id = d.household_id
			""";

	Page page(ProposalScope scope, Filter filter, Paging paging) {
		Map<String, Object> params = new HashMap<>(scope.params());
		String where = where(scope, filter, params);
		List<Row> rows = this.jdbc.sql("""
				SELECT d.id, d.kind, i.name AS kind_name, coalesce(p.name, c.beneficiary_name) AS name,
				       ds.name AS desa_name, k.name AS kecamatan_name, c.ticket, d.proposed_at, d.proposed_by,
				       d.due_at, d.due_in_working_days, d.status, d.decided_at, d.decision_note, d.breached_at
				""" + FROM + where + "\n" + """
				ORDER BY (d.status <> 'MENUNGGU'), CASE WHEN d.status = 'MENUNGGU' THEN d.due_at END,
				         d.decided_at DESC, d.id
				LIMIT :limit OFFSET :offset""")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("kind_name"),
					rs.getString("name"), rs.getString("desa_name"), rs.getString("kecamatan_name"),
					rs.getString("ticket"), SqlTime.instant(rs, "proposed_at"), rs.getString("proposed_by"),
					SqlTime.instant(rs, "due_at"), rs.getBoolean("due_in_working_days"), rs.getString("status"),
					instantOrNull(rs, "decided_at"), rs.getString("decision_note"), instantOrNull(rs, "breached_at")))
			.list();
		long counted = this.jdbc.sql("SELECT count(*) FROM (SELECT 1 " + FROM + where + " LIMIT :cap) n")
			.params(params)
			.param("cap", Pager.COUNT_CAP + 1)
			.query(Long.class)
			.single();
		return new Page(rows, counted);
	}

	/**
	 * How many proposals in the user's scope wait past their verval time at {@code now}.
	 */
	long overdue(ProposalScope scope, Instant now) {
		return this.jdbc
			.sql("SELECT count(*) FROM data_proposal d WHERE d.status = 'MENUNGGU' AND d.due_at < :now AND "
					+ scope.sqlCondition())
			.params(scope.params())
			.param("now", SqlTime.utc(now))
			.query(Long.class)
			.single();
	}

	/** Whether the proposal exists in the user's scope. */
	boolean visible(ProposalScope scope, long id) {
		return this.jdbc.sql("SELECT count(*) FROM data_proposal d WHERE d.id = :id AND " + scope.sqlCondition())
			.params(scope.params())
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/** One pending proposal as a BNBA row; no reporter identity is read. */
	record BnbaRow(String kindName, @Nullable String nik, @Nullable String kk, String name, @Nullable String sex,
			@Nullable LocalDate birthDate, String address, @Nullable String rt, @Nullable String rw, String desaName,
			String kecamatanName, @Nullable Integer desil, String ticket, Instant proposedAt, Instant dueAt,
			boolean overdue) {
	}

	/**
	 * Streams the pending proposals of a desa (of one kind, or all) to {@code sink}, row
	 * by row, in the order of the list.
	 */
	void pending(ProposalScope scope, String desa, @Nullable String kind, Instant now, Consumer<BnbaRow> sink) {
		Map<String, Object> params = new HashMap<>(scope.params());
		String where = where(scope, new Filter(kind, null, desa, ProposalStatus.MENUNGGU), params);
		this.jdbc.sql("""
				SELECT i.name AS kind_name, coalesce(p.nik, c.nik) AS nik, coalesce(h.kk, c.kk) AS kk,
				       coalesce(p.name, c.beneficiary_name) AS name, p.sex, p.birth_date, c.nik AS case_nik,
				       coalesce(p.address, c.address) AS address, c.rt, c.rw, ds.name AS desa_name,
				       k.name AS kecamatan_name, h.desil, c.ticket, d.proposed_at, d.due_at
				""" + FROM + where + " ORDER BY d.due_at, d.id")
			.params(params)
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(bnba(rs, now)));
	}

	private static BnbaRow bnba(ResultSet rs, Instant now) throws SQLException {
		Instant due = SqlTime.instant(rs, "due_at");
		Integer desil = rs.getObject("desil", Integer.class);
		return new BnbaRow(rs.getString("kind_name"), rs.getString("nik"), rs.getString("kk"), rs.getString("name"),
				rs.getString("sex"), rs.getObject("birth_date", LocalDate.class), rs.getString("address"),
				rs.getString("rt"), rs.getString("rw"), rs.getString("desa_name"), rs.getString("kecamatan_name"),
				desil, rs.getString("ticket"), SqlTime.instant(rs, "proposed_at"), due, now.isAfter(due));
	}

	private static String where(ProposalScope scope, Filter filter, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		conditions.add(scope.sqlCondition());
		if (filter.kind() != null) {
			conditions.add("d.kind = :kind");
			params.put("kind", filter.kind());
		}
		if (filter.kecamatan() != null) {
			conditions.add("d.kecamatan_code = :kecamatan");
			params.put("kecamatan", filter.kecamatan());
		}
		if (filter.desa() != null) {
			conditions.add("d.desa_code = :desa");
			params.put("desa", filter.desa());
		}
		if (filter.status() != null) {
			conditions.add("d.status = :status");
			params.put("status", filter.status().name());
		}
		return " WHERE " + String.join(" AND ", conditions);
	}

	private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		return SqlTime.instant(rs, column);
	}

	Optional<String> desaKecamatan(String desaCode) {
		return this.jdbc.sql("SELECT kecamatan_code FROM desa WHERE code = :code")
			.param("code", desaCode)
			.query(String.class)
			.optional();
	}

}
