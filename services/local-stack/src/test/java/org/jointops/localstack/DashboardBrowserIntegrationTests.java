package org.jointops.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.jointops.localstack.credentials.AgencyCredentials;
import org.jointops.testsupport.Http;
import org.jointops.testsupport.ReportJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real browser (Debian's headless Chromium driven by its
 * chromedriver), against the whole stack: agencies post through the producers, the page
 * shows the totals, and a new report changes the table without a reload. Without Chromium
 * the test is skipped, except in CI ({@code CI=true}), where it fails.
 */
class DashboardBrowserIntegrationTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final String VIOLATIONS = "IMMIGRATION_LAW_VIOLATIONS";

	@TempDir
	static Path data;

	@TempDir
	static Path profile;

	static LocalStack stack;

	@BeforeAll
	static void startStack() {
		boolean browser = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!browser) {
			assertThat("true".equals(System.getenv("CI")))
				.as("CI must have %s and %s (apt-get install chromium chromium-driver; .ci/run does it)", CHROMIUM,
						CHROMEDRIVER)
				.isFalse();
			Assumptions.abort("No " + CHROMIUM + " or " + CHROMEDRIVER + ": the dashboard's browser test is skipped");
		}
		stack = LocalStack.start(TestStacks.settings(data));
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void dashboardShowsTheTotalsAndTheirChangesLiveWithoutAReload() throws IOException {
		post("KAZ", ReportJson.illegal2017("KAZ-INTERIOR-1").count(VIOLATIONS, 52000));
		post("RUS",
				ReportJson.illegal2017("RUS-MVD-1").count(VIOLATIONS, 48000).money("FINES_IMPOSED", "10.50", "USD"));
		awaitTotal("100000");

		WebDriver browser = chromium();
		try {
			browser.get(stack.dashboardUrl() + "?operation=ILLEGAL-2017");
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			// the page is open, its data is not: it asks for a reader's token
			wait.until((driver) -> driver.findElement(By.id("token")).isDisplayed());
			browser.findElement(By.id("token"))
				.sendKeys(stack.credentials().readerToken(AgencyCredentials.SECRETARIAT));
			browser.findElement(By.id("sign-in")).click();
			wait.until((driver) -> totalCell(driver).equals("100,000"));
			wait.until((driver) -> driver.findElement(By.id("live")).getText().startsWith("live"));
			JavascriptExecutor js = (JavascriptExecutor) browser;
			js.executeScript("window.loadedOnce = true;");
			assertThat(js.executeScript("return typeof Chart")).as("Chart.js from the WebJar").isEqualTo("function");
			assertThat((Boolean) js.executeScript("return Array.from(document.scripts).every("
					+ "(s) => !s.src || s.src.startsWith(location.origin))"))
				.as("every script from the aggregator itself")
				.isTrue();
			// the completeness table comes from a request of its own, answered in its own
			// time: wait for it too
			new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("completeness: 2 stages x 6 states")
				.until((driver) -> driver.findElements(By.cssSelector("#completeness tbody tr")).size() == 12);
			assertThat(browser.findElement(By.id("summary-ru")).getAttribute("href"))
				.endsWith("/api/v1/operations/ILLEGAL-2017/summary?lang=ru&format=html");

			post("TJK", ReportJson.illegal2017("TJK-MVD-1").count(VIOLATIONS, 659));

			wait.until((driver) -> totalCell(driver).equals("100,659"));
			assertThat(js.executeScript("return window.loadedOnce === true")).as("the same page, not reloaded")
				.isEqualTo(true);
			assertThat(browser
				.findElement(By.cssSelector("#totals tr[data-line='" + VIOLATIONS + "'] td[data-state='TJK']"))
				.getText()).isEqualTo("659");
			assertThat(js.executeScript("return state.chart.data.datasets[0].data")).asList()
				.as("chart of %s by state: ARM BLR KAZ KGZ RUS TJK", VIOLATIONS)
				.containsExactly(0L, 0L, 52000L, 0L, 48000L, 659L);
			// reported today, years after the 2017 deadline
			wait.until((driver) -> driver
				.findElement(By.cssSelector("#completeness tr[data-stage='1'][data-state='TJK'] td:nth-child(4)"))
				.getText()
				.equals("LATE"));
			File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
			Path target = Path.of("target", "dashboard.png");
			Files.createDirectories(target.getParent());
			Files.copy(screenshot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			assertThat(target).isNotEmptyFile();
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void everyServiceDescribesItsApiWithOpenApiAndSwaggerUi() {
		JsonNode aggregator = Http.get(stack.aggregatorUrl() + "/v3/api-docs").json();
		assertThat(aggregator.path("paths").propertyNames()).contains("/api/v1/operations/{operation}/totals",
				"/api/v1/operations/{operation}/totals/stream", "/api/v1/operations/{operation}/reports",
				"/api/v1/operations/{operation}/summary", "/api/v1/operations/{operation}/completeness");
		JsonNode producer = Http.get(stack.producerUrls().get("KAZ") + "/v3/api-docs").json();
		assertThat(producer.path("paths").has("/api/v1/reports")).isTrue();
		for (String service : List.of(stack.aggregatorUrl(), stack.producerUrls().get("KAZ"))) {
			assertThat(Http.get(service + "/swagger-ui/index.html").status()).isEqualTo(200);
			assertThat(Http.get(service + "/actuator/health").status()).isEqualTo(200);
		}
	}

	private static String totalCell(WebDriver driver) {
		List<org.openqa.selenium.WebElement> cells = driver
			.findElements(By.cssSelector("#totals tr[data-line='" + VIOLATIONS + "'] td.total"));
		return cells.isEmpty() ? "" : cells.get(0).getText();
	}

	private static WebDriver chromium() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1400,1800",
				"--user-data-dir=" + profile.resolve("chromium").toAbsolutePath());
		// the system's chromedriver, named explicitly: Selenium Manager never downloads
		// anything
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private static void post(String state, ReportJson report) {
		Http.Response response = Http.postJsonWith(stack.credentials().token(state, "INTERIOR"),
				stack.producerUrls().get(state) + "/api/v1/reports", report.toJson());
		assertThat(response.status()).as(response.body()).isEqualTo(202);
	}

	private static void awaitTotal(String total) {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(Http
				.getWith(stack.credentials().readerToken(AgencyCredentials.SECRETARIAT),
						stack.aggregatorUrl() + "/api/v1/operations/ILLEGAL-2017/totals")
				.json()
				.at("/totals/0/total")).hasToString(total));
	}

}
