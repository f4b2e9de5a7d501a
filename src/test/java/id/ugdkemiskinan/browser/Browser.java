package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through its own chromedriver (never Selenium Manager,
 * never a download), with what the browser tests look at on every page: full-page
 * screenshots at desktop and phone size, axe-core, sideways scrolling and tap targets on
 * the phone, where every request went, and how much the page weighs with an empty cache
 * and again with a warm one. Problems are collected, not thrown, so that one run shows
 * all of them.
 */
final class Browser implements AutoCloseable {

	/** The two screens every page is looked at on. */
	enum Screen {

		DESKTOP(1366, 768, false), PHONE(360, 740, true);

		final int width;

		final int height;

		final boolean mobile;

		Screen(int width, int height, boolean mobile) {
			this.width = width;
			this.height = height;
			this.mobile = mobile;
		}

	}

	/**
	 * One page's weight: everything transferred on a first load with an empty cache, and
	 * on the next visit.
	 */
	record Weight(String page, Screen screen, long firstBytes, long secondBytes, List<String> firstLoad,
			List<String> notCached) {
	}

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final ChromeDriver driver;

	private final String baseUrl;

	private final Path profile;

	private final String axe;

	private final List<String> problems = new ArrayList<>();

	private final List<Weight> weights = new ArrayList<>();

	/** Per page and screen: how many axe rules were violated, by impact. */
	private final Map<String, Map<String, Integer>> axeCounts = new LinkedHashMap<>();

	private int pages;

	private Browser(ChromeDriver driver, String baseUrl, Path profile) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.profile = profile;
		this.axe = axeSource();
	}

	static Browser start(String baseUrl) throws IOException {
		String missing = Chromium.missing();
		if (missing != null) {
			throw new IllegalStateException(missing);
		}
		Path profile = Files.createTempDirectory("ugd-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(Chromium.BINARY.toFile());
		// No network of its own (updates, sync, translation...), and reduced motion:
		// Bootstrap's smooth scrolling otherwise moves the page under a click that
		// Selenium has just aimed.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-default-apps", "--disable-extensions", "--disable-quic", "--no-first-run",
				"--no-default-browser-check", "--disable-features=Translate,OptimizationHints,MediaRouter",
				"--force-prefers-reduced-motion", "--hide-scrollbars", "--window-size=1366,768",
				"--user-data-dir=" + profile);
		// Indonesian where the browser has it (Debian's chromium ships only en-US's own
		// UI strings, so date inputs still show mm/dd/yyyy in the screenshots).
		options.addArguments("--lang=id-ID");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "id-ID,id", "credentials_enable_service",
				false, "profile.password_manager_enabled", false, "profile.password_manager_leak_detection", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Chromium.DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
		Browser browser = new Browser(driver, baseUrl, profile);
		browser.use(Screen.DESKTOP);
		return browser;
	}

	// ---- Driving
	// -------------------------------------------------------------------------

	void open(String path) {
		this.driver.get(this.baseUrl + path);
	}

	String path() {
		String url = this.driver.getCurrentUrl();
		return url.startsWith(this.baseUrl) ? url.substring(this.baseUrl.length()) : url;
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	String text(String css) {
		return find(css).getText();
	}

	String pageText() {
		return find("body").getText();
	}

	void type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
	}

	/** Clicks what leads to another page and waits until that page has loaded. */
	void clickToLoad(String css) {
		markPage();
		find(css).click();
		awaitNewPage();
	}

	/**
	 * As {@link #clickToLoad}, for a final action that asks once ({@code data-confirm}):
	 * says yes.
	 */
	void clickConfirmedToLoad(String css) {
		markPage();
		find(css).click();
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.alertIsPresent()).accept();
		awaitNewPage();
	}

	/** Presses a key on whatever has the focus, and waits for a new page if one comes. */
	void pressToLoad(CharSequence key) {
		markPage();
		new Actions(this.driver).sendKeys(key).perform();
		awaitNewPage();
	}

	void press(CharSequence... keys) {
		new Actions(this.driver).sendKeys(keys).perform();
	}

	/**
	 * Tabs forward (at most 60 times) until the focused element matches; fails if the
	 * keyboard cannot get there.
	 */
	void tabTo(String css) {
		for (int i = 0; i < 60; i++) {
			if (focusedMatches(css)) {
				return;
			}
			press(Keys.TAB);
		}
		throw new AssertionError("the keyboard (Tab) never reached " + css + " on " + path());
	}

	boolean focusedMatches(String css) {
		return Boolean.TRUE
			.equals(js("return !!document.activeElement && document.activeElement.matches(arguments[0]);", css));
	}

	/**
	 * Changes the focused select with the arrow keys until it has the value (a closed
	 * select, as a keyboard user does).
	 */
	void arrowToValue(String value) {
		for (int i = 0; i < 200; i++) {
			if (value.equals(js("return document.activeElement.value;"))) {
				return;
			}
			press(Keys.ARROW_DOWN);
		}
		throw new AssertionError("arrow keys never selected " + value);
	}

	void login(String username) {
		open("/login");
		type("#username", username);
		type("#password", "banyuwangi");
		clickToLoad("form button[type=submit]");
		if (path().startsWith("/login")) {
			throw new AssertionError("login of " + username + " failed");
		}
	}

	void logout() {
		use(Screen.DESKTOP);
		clickToLoad("form[action$='/logout'] button");
	}

	/**
	 * Cuts the browser off the network (as a phone losing its signal), or puts it back.
	 */
	void offline(boolean offline) {
		this.driver.executeCdpCommand("Network.enable", Map.of());
		this.driver.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
	}

	/** Shows the page as printed ({@code @media print}), or back on the screen. */
	void print(boolean print) {
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
	}

	/** Waits (up to 30 s) until the script returns true. */
	void await(String script, Object... args) {
		new WebDriverWait(this.driver, WAIT).ignoring(WebDriverException.class)
			.until(d -> Boolean.TRUE.equals(js(script, args)));
	}

	Object js(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/**
	 * Marks the current page, so that {@link #awaitNewPage} can tell when another one has
	 * replaced it.
	 */
	private void markPage() {
		js("window.ugdOldPage = true;");
	}

	private void awaitNewPage() {
		new WebDriverWait(this.driver, WAIT).ignoring(WebDriverException.class)
			.until(d -> Boolean.TRUE.equals(js("return !window.ugdOldPage && document.readyState === 'complete';")));
	}

	// ---- Looking at a page
	// ------------------------------------------------------------------

	/**
	 * Looks at the current page as a person would, at both screen sizes: a full-page
	 * screenshot each, axe-core, no sideways scrolling and tap targets of at least 24 px
	 * on the phone; then weighs it (empty cache, then warm). Leaves the browser on the
	 * desktop screen.
	 */
	void look(String name) {
		this.pages++;
		String page = String.format("%02d-%s", this.pages, name);
		for (Screen screen : Screen.values()) {
			use(screen);
			screenshot(page, screen);
			axe(page, screen);
			if (screen == Screen.PHONE) {
				layoutOnPhone(page);
			}
			if (pageText().contains("??")) {
				this.problems.add(page + ": a message key without text (??...??)");
			}
		}
		for (Screen screen : Screen.values()) {
			use(screen);
			weigh(page, screen);
		}
		use(Screen.DESKTOP);
	}

	List<String> problems() {
		return this.problems;
	}

	List<Weight> weights() {
		return this.weights;
	}

	/**
	 * Puts the page on the given screen (emulated device metrics: the desktop as a
	 * 1366×768 window, the phone as a 360×740 mobile viewport) and waits until the page
	 * has that viewport; under load the first command is sometimes not applied, so it is
	 * sent again.
	 */
	void use(Screen screen) {
		for (int attempt = 0; attempt < 6; attempt++) {
			this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen.width, "height",
					screen.height, "deviceScaleFactor", 1, "mobile", screen.mobile));
			try {
				new WebDriverWait(this.driver, Duration.ofSeconds(5)).until(d -> Boolean.TRUE
					.equals(js("return window.innerWidth === arguments[0] && window.innerHeight === arguments[1];",
							screen.width, screen.height)));
				return;
			}
			catch (org.openqa.selenium.TimeoutException ex) {
				// send it again
			}
		}
		throw new IllegalStateException("the browser did not take the " + screen + " screen size");
	}

	/**
	 * A full-page screenshot: the screen is stretched to the page's height for the shot,
	 * so that what sticks to the bottom of the screen (the filing form's button on a
	 * phone) is drawn where a person who scrolled to the end sees it.
	 */
	private void screenshot(String page, Screen screen) {
		@SuppressWarnings("unchecked")
		List<Number> size = (List<Number>) js("""
				return [Math.max(document.documentElement.scrollWidth, window.innerWidth),
				        Math.max(document.documentElement.scrollHeight, window.innerHeight)];""");
		int height = Math.min(size.get(1).intValue(), 16000);
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.get(0).intValue(),
				"height", height, "deviceScaleFactor", 1, "mobile", screen.mobile));
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
		use(screen);
		Path file = SCREENSHOTS.resolve(screen.name().toLowerCase()).resolve(page + ".png");
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private void axe(String page, Screen screen) {
		if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object';"))) {
			js(this.axe);
		}
		Object result = ((JavascriptExecutor) this.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact || '', help: v.help,
				      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))))
				  .catch(e => done('axe failed: ' + e));""");
		if (result instanceof String error) {
			this.problems.add(page + " (" + screen + "): " + error);
			return;
		}
		Map<String, Integer> counts = this.axeCounts.computeIfAbsent(page + " (" + screen + ")",
				k -> new LinkedHashMap<>());
		for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
			String impact = (String) violation.get("impact");
			counts.merge(impact + " " + violation.get("id") + " " + violation.get("nodes"), 1, Integer::sum);
			if (impact.equals("serious") || impact.equals("critical")) {
				this.problems.add(page + " (" + screen + "): axe " + impact + " " + violation.get("id") + " — "
						+ violation.get("help") + " " + violation.get("nodes"));
			}
		}
	}

	@SuppressWarnings("unchecked")
	private void layoutOnPhone(String page) {
		Number overflow = (Number) js(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		if (overflow.intValue() > 0) {
			this.problems.add(page + " (PHONE): the page scrolls sideways by " + overflow + " px");
		}
		List<String> small = (List<String>) js(
				"""
						const small = [];
						for (const el of document.querySelectorAll('button, .btn, select, input:not([type=checkbox]):not([type=radio]):not([type=hidden]), textarea, summary')) {
						  const r = el.getBoundingClientRect();
						  if (r.width === 0 && r.height === 0) continue;
						  if (getComputedStyle(el).visibility === 'hidden') continue;
						  if (r.width < 24 || r.height < 24) small.push((el.id || el.className || el.tagName) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
						}
						return small;""");
		if (!small.isEmpty()) {
			this.problems.add(page + " (PHONE): tap targets under 24 px: " + small);
		}
	}

	/**
	 * Loads the current page with an empty cache and sums what the browser's resource
	 * timing says was transferred (the document and every resource); then visits it again
	 * and checks that the static assets came from the cache. Every request must stay on
	 * the test server's origin.
	 */
	@SuppressWarnings("unchecked")
	private void weigh(String page, Screen screen) {
		String url = this.driver.getCurrentUrl();
		this.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
		this.driver.get(url);
		List<Map<String, Object>> first = (List<Map<String, Object>>) js(TRANSFERS);
		this.driver.get(url);
		List<Map<String, Object>> second = (List<Map<String, Object>>) js(TRANSFERS);
		List<String> notCached = new ArrayList<>();
		for (Map<String, Object> entry : second) {
			String name = (String) entry.get("name");
			String path = name.startsWith(this.baseUrl) ? name.substring(this.baseUrl.length()) : name;
			boolean asset = path.startsWith("/webjars/") || path.startsWith("/static/");
			if (asset && ((Number) entry.get("size")).longValue() > 0) {
				notCached.add(path + " " + entry.get("size") + " B");
			}
		}
		for (Map<String, Object> entry : first) {
			String name = (String) entry.get("name");
			if (!name.startsWith(this.baseUrl + "/")) {
				this.problems.add(page + " (" + screen + "): a request left the test server: " + name);
			}
		}
		if (!notCached.isEmpty()) {
			this.problems.add(page + " (" + screen + "): static assets not served from the cache on the second visit: "
					+ notCached);
		}
		List<String> firstLoad = first.stream()
			.map(e -> String.valueOf(e.get("name")).replace(this.baseUrl, "") + " " + e.get("size") + " B")
			.toList();
		this.weights.add(new Weight(page, screen, sum(first), sum(second), firstLoad, notCached));
	}

	private static long sum(List<Map<String, Object>> entries) {
		return entries.stream().mapToLong(e -> ((Number) e.get("size")).longValue()).sum();
	}

	private static final String TRANSFERS = """
			return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
			  .map(e => ({ name: e.name, size: e.transferSize }));""";

	/** The weights as a Markdown table, in KB (1 KB = 1,000 bytes). */
	String weightTable() {
		Map<String, long[]> rows = new LinkedHashMap<>();
		for (Weight w : this.weights) {
			long[] row = rows.computeIfAbsent(w.page(), p -> new long[4]);
			int at = w.screen() == Screen.DESKTOP ? 0 : 2;
			row[at] = w.firstBytes();
			row[at + 1] = w.secondBytes();
		}
		StringBuilder table = new StringBuilder(
				"| page | desktop first load (KB) | desktop next visit (KB) | phone first load (KB) | phone next visit (KB) |\n"
						+ "|---|---:|---:|---:|---:|\n");
		rows.forEach((page, row) -> table.append(String.format("| %s | %.1f | %.1f | %.1f | %.1f |%n", page,
				row[0] / 1000.0, row[1] / 1000.0, row[2] / 1000.0, row[3] / 1000.0)));
		table.append("\nWhat each page transferred on its first load (desktop):\n");
		this.weights.stream()
			.filter(w -> w.screen() == Screen.DESKTOP)
			.forEach(w -> table.append("- ").append(w.page()).append(": ").append(w.firstLoad()).append('\n'));
		return table.toString();
	}

	/**
	 * What axe-core found on every page, all impacts (only serious and critical count as
	 * problems).
	 */
	String axeReport() {
		StringBuilder report = new StringBuilder(
				"axe-core: violated rules per page (" + this.axeCounts.size() + " page views)\n");
		this.axeCounts.forEach((page, counts) -> report.append("- ")
			.append(page)
			.append(": ")
			.append(counts.isEmpty() ? "none" : counts.keySet().toString())
			.append('\n'));
		return report.toString();
	}

	private static String axeSource() {
		try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException(
						"axe.min.js not on the test classpath (com.deque.html.axe-core:selenium)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (var files = Files.walk(this.profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException ex) {
				// a temporary profile left behind is harmless
			}
		}
	}

}
