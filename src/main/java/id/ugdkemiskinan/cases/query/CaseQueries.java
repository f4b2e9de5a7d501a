package id.ugdkemiskinan.cases.query;

import id.ugdkemiskinan.cases.domain.AssignmentStatus;
import id.ugdkemiskinan.cases.domain.CaseStatus;
import id.ugdkemiskinan.cases.domain.Channel;
import id.ugdkemiskinan.cases.domain.EventType;
import id.ugdkemiskinan.cases.domain.Priority;
import id.ugdkemiskinan.cases.domain.Vulnerability;
import id.ugdkemiskinan.cases.intake.Nik;
import id.ugdkemiskinan.cases.intake.ValidCase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.ugdkemiskinan.cases.query.CaseViews.AssignmentView;
import id.ugdkemiskinan.cases.query.CaseViews.AttachmentContent;
import id.ugdkemiskinan.cases.query.CaseViews.AttachmentView;
import id.ugdkemiskinan.cases.query.CaseViews.CaseDetails;
import id.ugdkemiskinan.cases.query.CaseViews.CasePage;
import id.ugdkemiskinan.cases.query.CaseViews.CaseRow;
import id.ugdkemiskinan.cases.query.CaseViews.CategoryAnswer;
import id.ugdkemiskinan.cases.query.CaseViews.Duplicate;
import id.ugdkemiskinan.cases.query.CaseViews.EventView;
import id.ugdkemiskinan.cases.query.CaseViews.Reporter;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.sla.SlaPolicy;
import id.ugdkemiskinan.sla.SlaState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.utc;
import static id.ugdkemiskinan.common.SqlTime.instant;

/**
 * The read side of cases: plain SQL with the user's scope in every WHERE clause,
 * projections instead of entity graphs, and indexes behind every filter. A case outside
 * the scope is simply not found.
 */
@Component
@Transactional(readOnly = true)
public class CaseQueries {

	/**
	 * Up to this many matches of a search (all that the count sees) are collected by its
	 * index and sorted; with more (1 % of a million cases or more), the list walks the
	 * filing order, where that many matches are met soon.
	 */
	static final int FEW_MATCHES = Pager.COUNT_CAP;

	private final JdbcClient jdbc;

	private final SlaPolicy sla;

	private final Clock clock;

	private final ZoneId zone;

	public CaseQueries(JdbcClient jdbc, SlaPolicy sla, Clock clock, TimeProperties properties) {
		this.jdbc = jdbc;
		this.sla = sla;
		this.clock = clock;
		this.zone = properties.zone();
	}

	/**
	 * The case a submission key filed, with the hash of the content it filed (null before
	 * hashes were kept).
	 */
	public record EarlierSubmission(String ticket, String contentHash) {
	}

	public Optional<EarlierSubmission> submission(long userId, String idempotencyKey) {
		if (idempotencyKey == null) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("SELECT ticket, request_hash FROM case_file WHERE filed_by = :user AND idempotency_key = :key")
			.param("user", userId)
			.param("key", idempotencyKey)
			.query((rs, n) -> new EarlierSubmission(rs.getString("ticket"), rs.getString("request_hash")))
			.optional();
	}

	/**
	 * A resolved case waiting for the UPT to confirm with the resident, and since when it
	 * waits.
	 */
	record AwaitingConfirmation(String ticket, String beneficiaryName, String desaName, Instant since) {
	}

	/**
	 * The kecamatan's resolved cases that wait for the UPT to call the resident and close
	 * them, longest waiting first, at most {@code limit}; and how many there are in all.
	 */
	public List<AwaitingConfirmation> awaitingConfirmation(String kecamatanCode, int limit) {
		return this.jdbc.sql("""
				SELECT c.ticket, c.beneficiary_name, d.name AS desa_name,
				       (SELECT max(e.occurred_at) FROM case_event e WHERE e.case_id = c.id) AS since
				FROM case_file c JOIN desa d ON d.code = c.desa_code
				WHERE c.status = 'SELESAI' AND c.kecamatan_code = :kecamatan
				ORDER BY since, c.id LIMIT :limit""")
			.param("kecamatan", kecamatanCode)
			.param("limit", limit)
			.query((rs, n) -> new AwaitingConfirmation(rs.getString("ticket"), rs.getString("beneficiary_name"),
					rs.getString("desa_name"), instant(rs, "since")))
			.list();
	}

	public long countAwaitingConfirmation(String kecamatanCode) {
		return this.jdbc.sql("SELECT count(*) FROM case_file WHERE status = 'SELESAI' AND kecamatan_code = :kecamatan")
			.param("kecamatan", kecamatanCode)
			.query(Long.class)
			.single();
	}

	/**
	 * The answers to the categories' extra questions of a case the caller already found
	 * in scope, by category and position.
	 */
	public List<CategoryAnswer> answers(long caseId) {
		return this.jdbc.sql("""
				SELECT category_code, position, question, answer FROM case_category_answer
				WHERE case_id = :id ORDER BY category_code, position""")
			.param("id", caseId)
			.query((rs, n) -> new CategoryAnswer(rs.getString("category_code"), rs.getInt("position"),
					rs.getString("question"), rs.getString("answer")))
			.list();
	}

	public Optional<CaseDetails> findByTicket(String ticket, CaseScope scope) {
		Instant now = this.clock.instant();
		Map<String, Object> params = scopeParams(scope);
		params.put("ticket", ticket);
		Optional<CaseDetails> base = this.jdbc.sql("""
				SELECT c.*, k.name AS kecamatan_name, d.name AS desa_name, u.full_name AS filed_by_name,
				       dup.ticket AS duplicate_of_ticket
				FROM case_file c
				LEFT JOIN case_file dup ON dup.id = c.duplicate_of
				JOIN kecamatan k ON k.code = c.kecamatan_code
				JOIN desa d ON d.code = c.desa_code
				JOIN app_user u ON u.id = c.filed_by
				WHERE c.ticket = :ticket AND\s""" + scope.sqlCondition())
			.params(params)
			.query((rs, n) -> details(rs, scope))
			.optional();
		return base.map(c -> withChildren(c, now));
	}

	/**
	 * The resident's wait of a case found in scope ({@link #findByTicket}), to now while
	 * it is open without a first dinas response.
	 */
	public ResidentWait residentWait(long caseId) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("SELECT filed_at, first_response_at, status FROM case_file WHERE id = :id")
			.param("id", caseId)
			.query((rs, n) -> ResidentWait.of(instant(rs, "filed_at"), instant(rs, "first_response_at"),
					CaseStatus.valueOf(rs.getString("status")) == CaseStatus.TERBUKA, now))
			.single();
	}

	private CaseDetails details(ResultSet rs, CaseScope scope) throws SQLException {
		boolean confidential = rs.getBoolean("reporter_confidential");
		String reporterName = rs.getString("reporter_name");
		Reporter reporter = null;
		if (reporterName != null) {
			boolean hidden = confidential && !scope.seesConfidentialReporter();
			reporter = hidden ? new Reporter(null, null, null, true, true) : new Reporter(reporterName,
					rs.getString("reporter_phone"), rs.getString("reporter_relation"), confidential, false);
		}
		return new CaseDetails(rs.getLong("id"), rs.getLong("version"), rs.getString("ticket"),
				instant(rs, "receipt_issued_at"), CaseStatus.valueOf(rs.getString("status")),
				Priority.valueOf(rs.getString("priority")), rs.getString("kecamatan_code"),
				rs.getString("kecamatan_name"), rs.getString("desa_code"), rs.getString("desa_name"),
				rs.getString("address"), rs.getString("rt"), rs.getString("rw"), rs.getBigDecimal("latitude"),
				rs.getBigDecimal("longitude"), rs.getString("beneficiary_name"), rs.getString("nik"),
				rs.getString("nik_unknown_reason"), rs.getString("kk"), rs.getString("beneficiary_phone"), reporter,
				Channel.valueOf(rs.getString("channel")), rs.getString("description"), instant(rs, "filed_at"),
				rs.getString("filed_by_name"), List.of(), List.of(), List.of(), List.of(), List.of(),
				rs.getString("duplicate_of_ticket"));
	}

	private CaseDetails withChildren(CaseDetails c, Instant now) {
		List<String> categories = this.jdbc
			.sql("SELECT category_code FROM case_category WHERE case_id = :id ORDER BY category_code")
			.param("id", c.id())
			.query(String.class)
			.list();
		List<Vulnerability> vulnerabilities = this.jdbc
			.sql("SELECT flag FROM case_vulnerability WHERE case_id = :id ORDER BY flag")
			.param("id", c.id())
			.query((rs, n) -> Vulnerability.valueOf(rs.getString(1)))
			.list();
		List<AssignmentView> assignments = this.jdbc.sql("""
				SELECT a.*, d.name AS dinas_name FROM assignment a JOIN dinas d ON d.code = a.dinas_code
				WHERE a.case_id = :id ORDER BY a.assigned_at, a.id""")
			.param("id", c.id())
			.query((rs, n) -> assignment(rs, now))
			.list();
		List<AttachmentView> attachments = this.jdbc
			.sql("SELECT id, filename, content_type, size_bytes FROM attachment WHERE case_id = :id ORDER BY id")
			.param("id", c.id())
			.query((rs, n) -> new AttachmentView(rs.getLong("id"), rs.getString("filename"),
					rs.getString("content_type"), rs.getInt("size_bytes")))
			.list();
		List<EventView> events = this.jdbc.sql("""
				SELECT id, type, occurred_at, actor_name, actor_role, dinas_code, note FROM case_event
				WHERE case_id = :id ORDER BY occurred_at, id""")
			.param("id", c.id())
			.query((rs, n) -> new EventView(rs.getLong("id"), EventType.valueOf(rs.getString("type")),
					instant(rs, "occurred_at"), rs.getString("actor_name"), rs.getString("actor_role"),
					rs.getString("dinas_code"), rs.getString("note")))
			.list();
		return new CaseDetails(c.id(), c.version(), c.ticket(), c.receiptIssuedAt(), c.status(), c.priority(),
				c.kecamatanCode(), c.kecamatanName(), c.desaCode(), c.desaName(), c.address(), c.rt(), c.rw(),
				c.latitude(), c.longitude(), c.beneficiaryName(), c.nik(), c.nikUnknownReason(), c.kk(),
				c.beneficiaryPhone(), c.reporter(), c.channel(), c.description(), c.filedAt(), c.filedByName(),
				categories, vulnerabilities, assignments, attachments, events, c.duplicateOfTicket());
	}

	/**
	 * The live SLA state and the duration shown beside it (left, overdue by, or taken to
	 * respond).
	 */
	private record Live(SlaState state, Duration duration) {
	}

	private Live live(AssignmentStatus status, Instant assignedAt, Instant atRiskFrom, Instant dueAt,
			Instant respondedAt, Instant now) {
		return live(status, assignedAt, atRiskFrom, dueAt, respondedAt, null, now);
	}

	/**
	 * A returned assignment is its own outcome, with the time it took to return
	 * ({@code closedAt}).
	 */
	private Live live(AssignmentStatus status, Instant assignedAt, Instant atRiskFrom, Instant dueAt,
			Instant respondedAt, Instant closedAt, Instant now) {
		if (status == AssignmentStatus.DIKEMBALIKAN) {
			Instant returnedAt = closedAt != null ? closedAt : respondedAt;
			return new Live(this.sla.state(atRiskFrom, dueAt, respondedAt, true, now),
					returnedAt == null ? null : Duration.between(assignedAt, returnedAt));
		}
		if (respondedAt != null) {
			return new Live(this.sla.state(atRiskFrom, dueAt, respondedAt, now),
					Duration.between(assignedAt, respondedAt));
		}
		if (!status.open()) {
			return new Live(null, null);
		}
		SlaState state = this.sla.state(atRiskFrom, dueAt, null, now);
		return new Live(state,
				state == SlaState.BREACHED ? Duration.between(dueAt, now) : Duration.between(now, dueAt));
	}

	private AssignmentView assignment(ResultSet rs, Instant now) throws SQLException {
		Instant assignedAt = instant(rs, "assigned_at");
		Instant dueAt = instant(rs, "due_at");
		Instant respondedAt = instant(rs, "responded_at");
		AssignmentStatus status = AssignmentStatus.valueOf(rs.getString("status"));
		Live live = live(status, assignedAt, instant(rs, "at_risk_from"), dueAt, respondedAt, instant(rs, "closed_at"),
				now);
		SlaState state = live.state();
		Duration duration = live.duration();
		return new AssignmentView(rs.getLong("id"), rs.getLong("version"), rs.getString("dinas_code"),
				rs.getString("dinas_name"), status, assignedAt, dueAt, respondedAt, instant(rs, "closed_at"),
				rs.getString("intervention_code"), state, duration, rs.getBoolean("due_in_working_hours"));
	}

	public CasePage list(CaseFilter filter, CaseScope scope, int page, int size) {
		Map<String, Object> params = scopeParams(scope);
		params.put("now", utc(this.clock.instant()));
		List<String> where = new ArrayList<>();
		where.add(scope.sqlCondition());
		if (filter.status() != null) {
			where.add("c.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.priority() != null) {
			where.add("c.priority = :priority");
			params.put("priority", filter.priority().name());
		}
		if (filter.kecamatan() != null) {
			where.add("c.kecamatan_code = :kecamatan");
			params.put("kecamatan", filter.kecamatan());
		}
		if (filter.desa() != null) {
			where.add("c.desa_code = :desa");
			params.put("desa", filter.desa());
		}
		if (filter.dinas() != null) {
			where.add("EXISTS (SELECT 1 FROM assignment fa WHERE fa.case_id = c.id AND fa.dinas_code = :dinas)");
			params.put("dinas", filter.dinas());
		}
		if (filter.category() != null) {
			where.add(
					"EXISTS (SELECT 1 FROM case_category fc WHERE fc.case_id = c.id AND fc.category_code = :category)");
			params.put("category", filter.category());
		}
		if (filter.filedFrom() != null) {
			where.add("c.filed_at >= :filedFrom");
			params.put("filedFrom", utc(filter.filedFrom().atStartOfDay(this.zone).toInstant()));
		}
		if (filter.filedTo() != null) {
			where.add("c.filed_at < :filedTo");
			params.put("filedTo", utc(filter.filedTo().plusDays(1).atStartOfDay(this.zone).toInstant()));
		}
		if (filter.overdue()) {
			where.add("EXISTS (SELECT 1 FROM assignment oa WHERE oa.case_id = c.id AND oa.status = 'MENUNGGU_RESPON' "
					+ "AND oa.due_at < :now)");
		}
		String search = CaseSearch.condition(filter.q(), params);
		if (search != null) {
			where.add(search);
		}
		params.put("limit", size + 1);
		params.put("offset", (long) page * size);
		String conditions = String.join(" AND ", where);
		// Planned for the values of each call: a generic plan cannot tell a rare name
		// fragment (read the trigram index) from a common one (walk the filing order).
		this.jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
		long counted = count("FROM case_file c WHERE " + conditions, params);
		// A search with up to 10,000 matches collects them first (trigram index, with
		// their filing time), sorts them and joins only the page's rows; left to itself
		// the planner may walk the filing order hoping to meet 26 matches early, and for
		// a fragment rarer than its sample shows, or found only in older cases, walks
		// most of the table (seen at 1,000,000 cases).
		boolean collectFirst = search != null && counted <= FEW_MATCHES;
		List<CaseRow> rows = this.jdbc.sql((collectFirst
				? "WITH found AS MATERIALIZED (SELECT c.id, c.filed_at FROM case_file c WHERE " + conditions + "),\n"
						+ "page AS (SELECT id FROM found ORDER BY filed_at DESC, id DESC LIMIT :limit OFFSET :offset)\n"
				: "")
				+ """
						SELECT c.id, c.ticket, c.filed_at, c.beneficiary_name, c.nik, d.name AS desa_name,
						       k.name AS kecamatan_name, c.priority, c.status,
						       (SELECT string_agg(cc.category_code, ',' ORDER BY cc.category_code)
						          FROM case_category cc WHERE cc.case_id = c.id) AS categories,
						       (SELECT count(*) FROM assignment a
						          WHERE a.case_id = c.id AND a.status = 'MENUNGGU_RESPON' AND a.due_at < :now) AS overdue
						FROM\s"""
				+ (collectFirst ? "page JOIN case_file c ON c.id = page.id" : "case_file c") + """

						JOIN desa d ON d.code = c.desa_code
						JOIN kecamatan k ON k.code = c.kecamatan_code
						WHERE\s""" + (collectFirst ? "TRUE" : conditions) + """

						ORDER BY c.filed_at DESC, c.id DESC""" + (collectFirst ? "" : "\nLIMIT :limit OFFSET :offset"))
			.params(params)
			.query((rs, n) -> new CaseRow(rs.getLong("id"), rs.getString("ticket"), instant(rs, "filed_at"),
					rs.getString("beneficiary_name"), Nik.mask(rs.getString("nik")), rs.getString("desa_name"),
					rs.getString("kecamatan_name"), rs.getString("categories"),
					Priority.valueOf(rs.getString("priority")), CaseStatus.valueOf(rs.getString("status")),
					rs.getInt("overdue")))
			.list();
		boolean hasNext = rows.size() > size;
		return new CasePage(hasNext ? rows.subList(0, size) : rows, page, size, hasNext, counted);
	}

	/** The rows of {@code fromWhere}, counted up to one past {@link Pager#COUNT_CAP}. */
	private long count(String fromWhere, Map<String, Object> params) {
		Map<String, Object> countParams = new HashMap<>(params);
		countParams.put("countLimit", Pager.COUNT_CAP + 1);
		return this.jdbc.sql("SELECT count(*) FROM (SELECT 1 " + fromWhere + " LIMIT :countLimit) counted")
			.params(countParams)
			.query(Long.class)
			.single();
	}

	/**
	 * A dinas's open assignments, most urgent first: breached (most overdue first), then
	 * at risk by due time, then the rest by priority and due time; responded ones last.
	 */
	public CaseViews.QueuePage queue(String dinasCode, QueueFilter filter, int page, int size) {
		Instant now = this.clock.instant();
		Map<String, Object> params = new HashMap<>();
		params.put("dinas", dinasCode);
		params.put("now", utc(now));
		List<String> where = new ArrayList<>();
		where.add("a.dinas_code = :dinas AND a.status IN ('MENUNGGU_RESPON', 'DIRESPON')");
		String bucket = """
				CASE WHEN a.status = 'MENUNGGU_RESPON' AND a.due_at < :now THEN 0
				     WHEN a.status = 'MENUNGGU_RESPON' AND a.at_risk_from <= :now THEN 1
				     WHEN a.status = 'MENUNGGU_RESPON' THEN 2 ELSE 3 END""";
		if (filter.state() != null) {
			where.add("(" + bucket + ") = :bucket");
			params.put("bucket", switch (filter.state()) {
				case BREACHED -> 0;
				case AT_RISK -> 1;
				case ON_TRACK -> 2;
				case MET, MISSED -> 3;
				// Returned assignments are closed: never in the queue.
				case RETURNED, RETURNED_LATE -> -1;
			});
		}
		if (filter.kecamatan() != null) {
			where.add("c.kecamatan_code = :kecamatan");
			params.put("kecamatan", filter.kecamatan());
		}
		if (filter.category() != null) {
			where.add(
					"EXISTS (SELECT 1 FROM case_category fc WHERE fc.case_id = c.id AND fc.category_code = :category)");
			params.put("category", filter.category());
		}
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<CaseViews.QueueRow> rows = this.jdbc.sql("""
				SELECT a.id, a.version, a.status, a.assigned_at, a.at_risk_from, a.due_at, a.responded_at,
				       a.due_in_working_hours, c.ticket, c.priority,
				       c.kecamatan_code, k.name AS kecamatan_name, d.name AS desa_name,
				       (SELECT string_agg(cc.category_code, ',' ORDER BY cc.category_code)
				          FROM case_category cc WHERE cc.case_id = c.id) AS categories,
				       (SELECT e.note FROM case_event e WHERE e.case_id = c.id AND e.type = 'RETURNED'
				          ORDER BY e.id DESC LIMIT 1) AS last_return_reason
				FROM assignment a
				JOIN case_file c ON c.id = a.case_id
				JOIN desa d ON d.code = c.desa_code
				JOIN kecamatan k ON k.code = c.kecamatan_code
				WHERE\s""" + String.join(" AND ", where) + """

				ORDER BY\s""" + bucket + """
				, CASE WHEN a.status = 'MENUNGGU_RESPON' AND a.at_risk_from <= :now
				       THEN a.due_at END,
				  CASE c.priority WHEN 'DARURAT' THEN 0 WHEN 'TINGGI' THEN 1 ELSE 2 END, a.due_at, a.id
				LIMIT :limit OFFSET :offset""").params(params).query((rs, n) -> {
			AssignmentStatus status = AssignmentStatus.valueOf(rs.getString("status"));
			Instant assignedAt = instant(rs, "assigned_at");
			Instant dueAt = instant(rs, "due_at");
			Live live = live(status, assignedAt, instant(rs, "at_risk_from"), dueAt, instant(rs, "responded_at"), now);
			return new CaseViews.QueueRow(rs.getLong("id"), rs.getLong("version"), rs.getString("ticket"),
					rs.getString("desa_name"), rs.getString("kecamatan_name"), rs.getString("kecamatan_code"),
					rs.getString("categories"), Priority.valueOf(rs.getString("priority")), status, assignedAt, dueAt,
					live.state(), live.duration(), rs.getString("last_return_reason"),
					rs.getBoolean("due_in_working_hours"));
		}).list();
		long counted = count(
				"FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE " + String.join(" AND ", where), params);
		return new CaseViews.QueuePage(rows, counted);
	}

	/**
	 * A dinas's history: every assignment it has had (waiting, responded, resolved,
	 * returned, cancelled), newest first, with the case's resident; searchable as the
	 * case list is. Only that dinas's assignments, hence only the cases it may see.
	 */
	public CaseViews.HistoryPage history(String dinasCode, HistoryFilter filter, int page, int size) {
		Instant now = this.clock.instant();
		Map<String, Object> params = new HashMap<>();
		params.put("dinas", dinasCode);
		List<String> where = new ArrayList<>();
		where.add("a.dinas_code = :dinas");
		if (filter.status() != null) {
			where.add("a.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.kecamatan() != null) {
			where.add("c.kecamatan_code = :kecamatan");
			params.put("kecamatan", filter.kecamatan());
		}
		String search = CaseSearch.condition(filter.q(), params);
		if (search != null) {
			where.add(search);
		}
		String conditions = String.join(" AND ", where);
		params.put("limit", size);
		params.put("offset", (long) page * size);
		this.jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
		long counted = count("FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE " + conditions, params);
		// As in list(): few matches of a search are collected first, not met walking the
		// dinas's history.
		boolean collectFirst = search != null && counted <= FEW_MATCHES;
		List<CaseViews.HistoryRow> rows = this.jdbc.sql((collectFirst
				? "WITH found AS MATERIALIZED (SELECT a.id, a.assigned_at FROM assignment a JOIN case_file c ON c.id = a.case_id"
						+ " WHERE " + conditions + "),\n"
						+ "page AS (SELECT id FROM found ORDER BY assigned_at DESC, id DESC LIMIT :limit OFFSET :offset)\n"
				: "") + """
						SELECT a.id, a.status, a.assigned_at, a.at_risk_from, a.due_at, a.responded_at, a.closed_at,
						       c.ticket, c.status AS case_status, c.priority, c.beneficiary_name, c.filed_at,
						       k.name AS kecamatan_name, d.name AS desa_name,
						       (SELECT string_agg(cc.category_code, ',' ORDER BY cc.category_code)
						          FROM case_category cc WHERE cc.case_id = c.id) AS categories
						FROM\s""" + (collectFirst ? "page JOIN assignment a ON a.id = page.id" : "assignment a") + """

						JOIN case_file c ON c.id = a.case_id
						JOIN desa d ON d.code = c.desa_code
						JOIN kecamatan k ON k.code = c.kecamatan_code
						WHERE\s""" + (collectFirst ? "TRUE" : conditions) + """

						ORDER BY a.assigned_at DESC, a.id DESC"""
				+ (collectFirst ? "" : "\nLIMIT :limit OFFSET :offset"))
			.params(params)
			.query((rs, n) -> {
				AssignmentStatus status = AssignmentStatus.valueOf(rs.getString("status"));
				Instant assignedAt = instant(rs, "assigned_at");
				Live live = live(status, assignedAt, instant(rs, "at_risk_from"), instant(rs, "due_at"),
						instant(rs, "responded_at"), instant(rs, "closed_at"), now);
				return new CaseViews.HistoryRow(rs.getLong("id"), rs.getString("ticket"),
						rs.getString("beneficiary_name"), rs.getString("desa_name"), rs.getString("kecamatan_name"),
						rs.getString("categories"), Priority.valueOf(rs.getString("priority")),
						CaseStatus.valueOf(rs.getString("case_status")), status, assignedAt, instant(rs, "closed_at"),
						live.state(), live.duration());
			})
			.list();
		return new CaseViews.HistoryPage(rows, counted);
	}

	public Optional<String> ticketOfAssignment(long assignmentId, CaseScope scope) {
		Map<String, Object> params = scopeParams(scope);
		params.put("id", assignmentId);
		return this.jdbc
			.sql("SELECT c.ticket FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE a.id = :id AND "
					+ scope.sqlCondition())
			.params(params)
			.query(String.class)
			.optional();
	}

	/** Waiting assignments of a dinas: the count in the navigation. */
	public long waitingCount(String dinasCode) {
		return this.jdbc.sql("SELECT count(*) FROM assignment WHERE dinas_code = :dinas AND status = 'MENUNGGU_RESPON'")
			.param("dinas", dinasCode)
			.query(Long.class)
			.single();
	}

	/**
	 * Open cases in scope for the same NIK or, without a NIK, the same name in the same
	 * desa.
	 */
	/**
	 * The open cases that may be the same as this one, newest first; and, among them, the
	 * one this same submission (user and key) filed, if a concurrent submit of it
	 * committed meanwhile.
	 */
	public record OpenDuplicates(List<Duplicate> duplicates, Optional<EarlierSubmission> sameSubmission) {
	}

	public OpenDuplicates openDuplicates(ValidCase valid, CaseScope scope, long userId, String idempotencyKey) {
		Map<String, Object> params = scopeParams(scope);
		String match;
		if (valid.nik() != null) {
			match = "c.nik = :nik";
			params.put("nik", valid.nik());
		}
		else {
			match = "c.desa_code = :desa AND lower(c.beneficiary_name) = lower(:name)";
			params.put("desa", valid.desaCode());
			params.put("name", valid.beneficiaryName());
		}
		params.put("user", userId);
		params.put("key", idempotencyKey == null ? "" : idempotencyKey);
		List<EarlierSubmission> same = new ArrayList<>();
		List<Duplicate> duplicates = this.jdbc.sql("""
				SELECT c.ticket, c.beneficiary_name, d.name AS desa_name, c.filed_at, c.request_hash,
				       (c.filed_by = :user AND c.idempotency_key = :key) IS TRUE AS same_submission
				FROM case_file c JOIN desa d ON d.code = c.desa_code
				WHERE c.status = 'TERBUKA' AND\s""" + match + " AND " + scope.sqlCondition() + """

				ORDER BY c.filed_at DESC LIMIT 10""").params(params).query((rs, n) -> {
			if (rs.getBoolean("same_submission")) {
				same.add(new EarlierSubmission(rs.getString("ticket"), rs.getString("request_hash")));
			}
			return new Duplicate(rs.getString("ticket"), rs.getString("beneficiary_name"), rs.getString("desa_name"),
					instant(rs, "filed_at"));
		}).list();
		return new OpenDuplicates(duplicates, same.stream().findFirst());
	}

	public Optional<AttachmentContent> attachment(String ticket, long attachmentId, CaseScope scope) {
		Map<String, Object> params = scopeParams(scope);
		params.put("ticket", ticket);
		params.put("id", attachmentId);
		return this.jdbc.sql("""
				SELECT f.filename, f.content_type, f.content FROM attachment f
				JOIN case_file c ON c.id = f.case_id
				WHERE f.id = :id AND c.ticket = :ticket AND\s""" + scope.sqlCondition())
			.params(params)
			.query((rs, n) -> new AttachmentContent(rs.getString("filename"), rs.getString("content_type"),
					rs.getBytes("content")))
			.optional();
	}

	private static Map<String, Object> scopeParams(CaseScope scope) {
		Map<String, Object> params = new HashMap<>();
		params.put("scopeKecamatan", scope.kecamatanCode());
		params.put("scopeDinas", scope.dinasCode());
		return params;
	}

}
