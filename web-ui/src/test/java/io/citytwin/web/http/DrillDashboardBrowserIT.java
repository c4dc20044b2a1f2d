package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.vertx.SimAddresses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Scenarios and drills on the dashboard in headless Chromium: the built-in scenarios, starting a
 * drill through the API, its sim-frames from {@code /ws} (hatched footprints, progress, metrics)
 * under the EXERCISE banner, its score and after-action report once finished, and the refusals and
 * failures an operator must see. The scenario service is {@link FakeScenarios} on the event bus.
 */
class DrillDashboardBrowserIT {
  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
  /** Smoke over building w3 and the street east of it, and the burning building itself. */
  private static final JsonObject SMOKE = FakeIncidents.polygon(7.425, 43.725, 7.429, 43.725, 7.429, 43.7265, 7.425, 43.7265,
      7.425, 43.725);
  private static final JsonObject BURNING = FakeIncidents.polygon(7.4252, 43.7252, 7.4258, 43.7252, 7.4258, 43.7258,
      7.4252, 43.7258, 7.4252, 43.7252);

  private ChromeDriver driver;
  private TestServer server;
  private FakeScenarios fake;
  private FakeIncidents incidents;

  @BeforeEach
  void start() throws Exception {
    driver = Browser.start(Path.of("target", "browser"));
    fake = FakeScenarios.testville();
    incidents = new FakeIncidents();
  }

  private void serve() throws Exception {
    server = TestServer.start(FixtureCity::testville, FakeTelemetry.testville(), incidents, fake, new JsonObject());
    Browser.openDashboard(driver, server.url("/"));
    waitFor("scenarios listed", "return window.cityTwin.drills.ready === true"
        + " && document.querySelectorAll('#scenario-list li.ct-scenario').length === 3");
  }

  @AfterEach
  void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void startsADrillFollowsItsFramesAndShowsItsScoreAndReport() throws Exception {
    serve();
    assertThat(driver.findElements(By.cssSelector("#scenario-list li.ct-scenario"))).extracting(WebElement::getText)
        .satisfiesExactly(
            t -> assertThat(t).contains("Fire in building w3", "Building fire", "30 min", "DRILL", "Start drill"),
            t -> assertThat(t).contains("River flood in Testville East", "Flood", "6 h", "FORECAST", "Run forecast")
                .doesNotContain("Start drill"),
            t -> assertThat(t).contains("Influenza season", "Epidemic", "90 d", "Run forecast"));
    assertThat(driver.findElement(By.id("exercise-banner")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("drill-running")).isDisplayed()).isFalse();

    // The operator picks 5 simulated minutes per second and starts the fire drill.
    new Select(driver.findElement(By.id("drill-speed-select"))).selectByValue("300");
    startButton("testville-fire-drill").click();
    waitFor("drill running", "return document.getElementById('drill-running').getAttribute('data-drill-id') === 'DRILL-1'");
    assertThat(fake.requestsTo(SimAddresses.START_DRILL)).containsExactly(
        new JsonObject().put("scenario", "testville-fire-drill").put("speed", 300));
    assertThat(text("#drill-name")).isEqualTo("Fire in building w3");
    assertThat(text("#drill-step")).isEqualTo("step 0/30");
    assertThat(text("#drill-speed")).startsWith("×300 · ends ");
    WebElement banner = driver.findElement(By.id("exercise-banner"));
    assertThat(banner.isDisplayed()).isTrue();
    assertThat(banner.getText()).isEqualTo("EXERCISE — drill in progress · Fire in building w3 · step 0/30");
    assertThat(driver.findElement(By.id("drill-badge")).isDisplayed()).isTrue();
    assertThat(startButtons()).allMatch(b -> !b.isEnabled());

    // A frame: its footprints are drawn hatched on their own layer, its step and metrics shown.
    FakeScenarios.publishFrame(server.vertx(), FakeScenarios.frame("DRILL-1", 5, 30, T0.plusSeconds(300),
        new JsonObject().put("burningBuildings", 1).put("smokeAreaM2", 5234.5).put("peopleInDanger", 12),
        FakeScenarios.footprint("smoke", SMOKE), FakeScenarios.footprint("burning", BURNING)));
    waitFor("two footprints", "return document.querySelectorAll('path.ct-sim-footprint').length === 2");
    WebElement smoke = driver.findElement(By.cssSelector("path.ct-sim-footprint[data-footprint='smoke']"));
    assertThat(smoke.getAttribute("fill")).isEqualTo("url(#ct-sim-hatch)");
    assertThat(smoke.getAttribute("stroke")).isEqualTo("#f97316");
    assertThat(smoke.getAttribute("data-drill-id")).isEqualTo("DRILL-1");
    assertThat(driver.executeScript("return arguments[0].closest('.leaflet-pane').classList.contains('leaflet-simulation-pane')",
        smoke)).isEqualTo(true);
    assertThat(text("#drill-step")).isEqualTo("step 5/30");
    assertThat(text("#drill-time")).isEqualTo("simulated 08:05:00 UTC");
    assertThat(driver.findElement(By.id("drill-progress-bar")).getAttribute("style")).contains("width: 17%");
    assertThat(driver.findElements(By.cssSelector("#drill-metrics tr"))).extracting(WebElement::getText)
        .containsExactly("Burning buildings 1", "Smoke area m² 5,234.5", "People in danger 12");
    assertThat(banner.getText()).endsWith("step 5/30");
    Browser.screenshot(driver, Path.of("target", "dashboard-drill-running.png"));

    // The next frame replaces the footprints: only the latest are shown.
    FakeScenarios.publishFrame(server.vertx(), FakeScenarios.frame("DRILL-1", 6, 30, T0.plusSeconds(360),
        new JsonObject().put("burningBuildings", 1), FakeScenarios.footprint("smoke", SMOKE)));
    waitFor("one footprint", "return document.querySelectorAll('path.ct-sim-footprint').length === 1"
        + " && document.getElementById('drill-step').textContent === 'step 6/30'");

    // The last frame: the dashboard asks where the drill stands and shows its score.
    fake.finish("DRILL-1", FakeScenarios.score(125.0), Instant.now());
    FakeScenarios.publishFrame(server.vertx(), FakeScenarios.frame("DRILL-1", 30, 30, T0.plus(Duration.ofMinutes(30)),
        new JsonObject().put("burningBuildings", 0)));
    waitFor("score shown", "return document.getElementById('drill-score').getAttribute('data-status') === 'finished'");
    assertThat(fake.requestsTo(SimAddresses.DRILL)).contains("DRILL-1");
    assertThat(score("timeToDetect")).isEqualTo("2:05");
    assertThat(score("incidents")).isEqualTo("1");
    assertThat(score("ackSla")).isEqualTo("3 / 4");
    assertThat(score("arrivalSla")).isEqualTo("1 / 2");
    assertThat(score("escalations")).isEqualTo("1");
    assertThat(driver.findElements(By.cssSelector(".ct-score-agencies tbody tr"))).extracting(WebElement::getText)
        .containsExactly("Fire brigade 2 2 2 0:45 1:00", "EMS 1 1 0 3:05 3:05", "Police 1 1 1 0:30 0:30");
    assertThat(banner.isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("drill-badge")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("drill-running")).isDisplayed()).isFalse();
    assertThat(count("path.ct-sim-footprint")).isZero();
    assertThat(startButtons()).allMatch(WebElement::isEnabled);
    Browser.screenshot(driver, Path.of("target", "dashboard-drill-score.png"));

    // The HTML report opens in a new tab; the Markdown one is served as Markdown.
    String dashboard = driver.getWindowHandle();
    driver.findElement(By.cssSelector("#drill-score a.ct-report[data-format='html']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getWindowHandles().size() == 2);
    driver.getWindowHandles().stream().filter(h -> !h.equals(dashboard)).findFirst().ifPresent(h -> driver.switchTo().window(h));
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "After-action report DRILL-1".equals(d.getTitle()));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("After-action report: drill DRILL-1");
    driver.close();
    driver.switchTo().window(dashboard);
    String markdownHref = driver.findElement(By.cssSelector("#drill-score a.ct-report[data-format='markdown']")).getAttribute("href");
    assertThat(markdownHref).isEqualTo(server.url("/api/drills/DRILL-1/report?format=markdown"));
    @SuppressWarnings("unchecked")
    Map<String, Object> fetched = (Map<String, Object>) driver.executeAsyncScript(
        "var done = arguments[1]; fetch(arguments[0]).then(function (r) { return r.text().then(function (t) {"
            + " done({ status: r.status, type: r.headers.get('Content-Type'), text: t }); }); });", markdownHref);
    assertThat(fetched).containsEntry("status", 200L).containsEntry("type", "text/markdown; charset=utf-8")
        .containsEntry("text", FakeScenarios.markdownReport("DRILL-1"));
    assertThat(fake.requestsTo(SimAddresses.REPORT)).containsExactly(
        new JsonObject().put("id", "DRILL-1").put("format", "html"), new JsonObject().put("id", "DRILL-1").put("format", "markdown"));
    assertNoErrors();
  }

  @Test
  void aRefusedStartSaysWhyAndADrillStartedElsewhereIsFollowedUntilItFails() throws Exception {
    serve();
    driver.executeScript("window.cityTwin.drills.pollMs = 300");
    fake.failures.put(SimAddresses.START_DRILL, new Object[] {400,
        "scenario testville-fire-drill: no registered sensor lies in the hazard's footprints"});
    startButton("testville-fire-drill").click();
    waitFor("refusal shown", "return !document.getElementById('drill-error').hidden");
    assertThat(text("#drill-error"))
        .isEqualTo("Drill not started: scenario testville-fire-drill: no registered sensor lies in the hazard's footprints");
    assertThat(startButtons()).allMatch(WebElement::isEnabled);
    fake.failures.remove(SimAddresses.START_DRILL);
    assertThat(driver.findElement(By.id("exercise-banner")).isDisplayed()).isFalse();

    // Another operator (or the CLI) started a drill: its first frame is enough to follow it.
    fake.add(FakeScenarios.drill("DRILL-9", fake.scenarios.get(1), "running", Instant.now(), 60, 2, 72));
    FakeScenarios.publishFrame(server.vertx(), FakeScenarios.frame("DRILL-9", 2, 72, T0.plusSeconds(600),
        new JsonObject().put("floodedAreaM2", 1200), FakeScenarios.footprint("water", SMOKE)));
    waitFor("drill followed", "return document.getElementById('drill-name').textContent === 'River flood in Testville East'");
    assertThat(fake.requestsTo(SimAddresses.DRILL)).contains("DRILL-9");
    assertThat(driver.findElement(By.id("exercise-banner")).isDisplayed()).isTrue();
    assertThat(count("path.ct-sim-footprint[data-footprint='water']")).isEqualTo(1);
    assertThat(startButtons()).allMatch(b -> !b.isEnabled());

    // It fails: the next status poll shows why, and the exercise is over on the map.
    fake.drills.get("DRILL-9").put("status", "failed").put("error", "the city model was reloaded");
    waitFor("failure shown", "return document.getElementById('drill-score').getAttribute('data-status') === 'failed'");
    assertThat(text("#drill-score")).contains("FAILED", "River flood in Testville East", "the city model was reloaded");
    assertThat(driver.findElement(By.id("exercise-banner")).isDisplayed()).isFalse();
    assertThat(count("path.ct-sim-footprint")).isZero();
    assertThat(startButtons()).allMatch(WebElement::isEnabled);
    // The browser logs the refused POST; nothing else went wrong.
    assertThat(Browser.consoleErrors(driver)).singleElement().asString()
        .contains("/api/drills - Failed to load resource: the server responded with a status of 400");
    assertThat(driver.executeScript("return window.cityTwin.errors")).isEqualTo(new JsonArray().getList());
  }

  @Test
  void aDrillInProgressWhenThePageOpensKeepsTheBannerWithItsExerciseIncidents() throws Exception {
    fake.add(FakeScenarios.drill("DRILL-5", fake.scenarios.get(0), "running", Instant.now(), 60, 12, 30));
    JsonObject flood = FakeIncidents.floodDrill(Instant.now());
    incidents.add(flood);
    serve();
    waitFor("drill from the hello", "return document.getElementById('drill-running').getAttribute('data-drill-id') === 'DRILL-5'");
    WebElement banner = driver.findElement(By.id("exercise-banner"));
    assertThat(banner.getText()).isEqualTo("EXERCISE — drill in progress · Fire in building w3 · step 12/30");
    assertThat(driver.findElement(By.id("drill-badge")).isDisplayed()).isTrue();
    assertThat(startButtons()).allMatch(b -> !b.isEnabled());

    // The drill ends; its exercise incident is still being responded to, so the banner stays.
    fake.finish("DRILL-5", FakeScenarios.score(null), Instant.now());
    FakeScenarios.publishFrame(server.vertx(), FakeScenarios.frame("DRILL-5", 30, 30, T0.plus(Duration.ofMinutes(30)),
        new JsonObject()));
    waitFor("score shown", "return document.getElementById('drill-score').getAttribute('data-status') === 'finished'");
    assertThat(score("timeToDetect")).isEqualTo("not detected");
    assertThat(banner.isDisplayed()).isTrue();
    assertThat(banner.getText()).isEqualTo("EXERCISE — drill in progress");

    FakeIncidents.publishIncident(server.vertx(), "closed", flood.copy().put("status", "closed"));
    waitFor("banner gone", "return document.getElementById('exercise-banner').hidden === true");
    assertNoErrors();
  }

  private WebElement startButton(String scenarioId) {
    return driver.findElement(By.cssSelector("button.ct-start-drill[data-scenario-id='" + scenarioId + "']"));
  }

  private List<WebElement> startButtons() {
    return driver.findElements(By.cssSelector("button.ct-start-drill"));
  }

  private String score(String key) {
    return text("#drill-score [data-score='" + key + "'] dd");
  }

  private void assertNoErrors() {
    Browser.assertNoErrors(driver);
  }

  private void waitFor(String what, String script) {
    Browser.waitFor(driver, what, script);
  }

  private String text(String css) {
    return Browser.text(driver, css);
  }

  private long count(String css) {
    return Browser.count(driver, css);
  }
}
