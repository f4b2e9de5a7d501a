package id.ugdkemiskinan.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bell's page: the user's notifications, newest first; each can be marked read, or
 * all at once.
 */
@Controller
class NotificationController {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	private final Clock clock;

	NotificationController(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One notification as listed. */
	record NotificationRow(long id, String kind, String ticket, String dinasCode, Instant occurredAt, Instant createdAt,
			boolean read) {
	}

	@GetMapping("/notifikasi")
	String listNotifications(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String page,
			HttpServletRequest request, Model model) {
		Paging paging = Paging.parse(page, PAGE_SIZE);
		List<NotificationRow> rows = this.jdbc.sql("""
				SELECT id, kind, ticket, dinas_code, occurred_at, created_at, read_at IS NOT NULL AS read
				FROM notification WHERE user_id = :user ORDER BY id DESC LIMIT :limit OFFSET :offset""")
			.param("user", user.id())
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> new NotificationRow(rs.getLong("id"), rs.getString("kind"), rs.getString("ticket"),
					rs.getString("dinas_code"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("read")))
			.list();
		long counted = this.jdbc
			.sql("SELECT count(*) FROM (SELECT 1 FROM notification WHERE user_id = :user LIMIT :cap) n")
			.param("user", user.id())
			.param("cap", Pager.COUNT_CAP + 1)
			.query(Long.class)
			.single();
		model.addAttribute("notifications", rows);
		model.addAttribute("pager", Pager.of(request, paging, rows.size(), counted));
		return "notifications/list";
	}

	@PostMapping("/notifikasi/{id}/dibaca")
	String markRead(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		this.jdbc.sql("UPDATE notification SET read_at = :now WHERE id = :id AND user_id = :user AND read_at IS NULL")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.param("user", user.id())
			.update();
		return "redirect:/notifikasi";
	}

	@PostMapping("/notifikasi/dibaca-semua")
	String markAllRead(@AuthenticationPrincipal CurrentUser user) {
		this.jdbc.sql("UPDATE notification SET read_at = :now WHERE user_id = :user AND read_at IS NULL")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("user", user.id())
			.update();
		return "redirect:/notifikasi";
	}

}
