package id.ugdkemiskinan.common;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the pager under a list shows: where this page lies in the total, the page numbers
 * around it, and links to them that keep every other parameter of the request. The total
 * is counted up to {@link #COUNT_CAP} rows ("more than 10,000"), so that counting never
 * costs more than the page.
 */
public record Pager(int page, int size, int rowsOnPage, long total, boolean totalExact, boolean hasNext,
		List<Item> items, String previousHref, String nextHref) {

	/** Lists count at most this many rows. */
	public static final int COUNT_CAP = 10_000;

	/** One entry of the pager: a page number (from 0), or a gap ({@code number < 0}). */
	public record Item(int number, String href, boolean current) {

		public boolean gap() {
			return this.number < 0;
		}

		public int label() {
			return this.number + 1;
		}

	}

	/**
	 * @param counted the rows counted, at most {@code COUNT_CAP + 1} (more means "over
	 * the cap")
	 */
	public static Pager of(HttpServletRequest request, Paging paging, int rowsOnPage, long counted) {
		boolean exact = counted <= COUNT_CAP;
		long total = exact ? counted : COUNT_CAP;
		int page = paging.page();
		long known = exact ? total : Math.max(total, paging.offset() + rowsOnPage + 1);
		int lastPage = (int) Math.max(0, (known - 1) / paging.size());
		boolean hasNext = page < lastPage;
		if (!exact && rowsOnPage < paging.size()) {
			hasNext = false;
			lastPage = page;
		}
		String base = request.getRequestURI()
				+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		UriComponentsBuilder link = UriComponentsBuilder.fromUriString(base);
		List<Item> items = new ArrayList<>();
		int anchor = Math.min(page, lastPage);
		int from = Math.max(0, anchor - 2);
		int to = Math.min(lastPage, anchor + 2);
		if (from > 0) {
			items.add(new Item(0, href(link, 0), page == 0));
			if (from > 1) {
				items.add(new Item(-1, null, false));
			}
		}
		for (int n = from; n <= to; n++) {
			items.add(new Item(n, href(link, n), n == page));
		}
		if (to < lastPage) {
			if (!exact || to < lastPage - 1) {
				items.add(new Item(-1, null, false));
			}
			if (exact) {
				items.add(new Item(lastPage, href(link, lastPage), false));
			}
		}
		return new Pager(page, paging.size(), rowsOnPage, total, exact, hasNext, items,
				page > 0 ? href(link, Math.min(page - 1, lastPage)) : null, hasNext ? href(link, page + 1) : null);
	}

	private static String href(UriComponentsBuilder link, int page) {
		return link.cloneBuilder().replaceQueryParam("page", page).build().toUriString();
	}

	/** The first row shown, counted from 1 (0 when the page is empty). */
	public long firstRow() {
		return this.rowsOnPage == 0 ? 0 : (long) this.page * this.size + 1;
	}

	public long lastRow() {
		return (long) this.page * this.size + this.rowsOnPage;
	}

	/**
	 * Whether there is more than one page, i.e. whether the page numbers are worth
	 * showing.
	 */
	public boolean multiplePages() {
		return this.page > 0 || this.hasNext;
	}

}
