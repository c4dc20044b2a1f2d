package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.vertx.SimAddresses;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Forecast from now on the dashboard in headless Chromium: the selected fire's card starts a
 * what-if (POST /api/forecasts with the incident), follows its forecast-frames from {@code /ws} as
 * blue footprints with step and simulated time, says how it ended once it has stopped, and shows a
 * refusal. The scenario service is {@link FakeScenarios} on the event bus.
 */
class ForecastDashboardBrowserIT {
  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
  private static final JsonObject SMOKE = FakeIncidents.polygon(7.425, 43.725, 7.429, 43.725, 7.429, 43.7265, 7.425, 43.7265,
      7.425, 43.725);

  private ChromeDriver driver;
  private TestServer server;
  private FakeScenarios fake;

  @BeforeEach
  void start() throws Exception {
    driver = Browser.start(Path.of("target", "browser"));
    fake = FakeScenarios.testville();
    server = TestServer.start(FixtureCity::testville, FakeTelemetry.testville(), FakeIncidents.testville(Instant.now()), fake,
        new JsonObject());
    Browser.openDashboard(driver, server.url("/"));
    waitFor("incidents from the hello", "return window.cityTwin.incidentsReady === true");
    driver.findElement(By.cssSelector("#incident-list li[data-incident-id='INC-1']")).click();
    waitFor("incident card", "return !document.getElementById('incident-card').hidden");
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
  void aFireIsForecastFromNowAndItsFootprintsFollowTheFrames() throws Exception {
    WebElement button = driver.findElement(By.id("forecast-start"));
    assertThat(button.isDisplayed()).isTrue();
    assertThat(button.getText()).isEqualTo("Forecast from now");
    button.click();
    waitFor("forecast running", "return document.getElementById('forecast-status').getAttribute('data-forecast-id') === 'FC-1'");
    assertThat(fake.requestsTo(SimAddresses.START_FORECAST)).containsExactly(new JsonObject().put("incident", "INC-1"));
    assertThat(button.isEnabled()).isFalse();
    assertThat(text("#forecast-status")).isEqualTo("What-if: fire · step 0/18");

    FakeScenarios.publishFrame(server.vertx(), FakeScenarios.forecastFrame("FC-1", 3, 18, T0.plusSeconds(1800),
        FakeScenarios.footprint("smoke", SMOKE)));
    waitFor("one forecast footprint", "return document.querySelectorAll('path.ct-forecast-footprint').length === 1");
    WebElement smoke = driver.findElement(By.cssSelector("path.ct-forecast-footprint[data-footprint='smoke']"));
    assertThat(smoke.getAttribute("data-forecast-id")).isEqualTo("FC-1");
    assertThat(smoke.getAttribute("stroke")).isEqualTo("#2563eb");
    assertThat(text("#forecast-status")).isEqualTo("What-if: fire · step 3/18 · simulated 08:30:00 UTC");
    // Drill views are untouched: a forecast is not an exercise.
    assertThat(driver.findElement(By.id("exercise-banner")).isDisplayed()).isFalse();
    assertThat(count("path.ct-sim-footprint")).isZero();
    Browser.screenshot(driver, Path.of("target", "dashboard-forecast-running.png"));

    // The hazard is over after 7 steps: the forecast stops early and the card says so.
    fake.finishForecast("FC-1", 7, "finished_early");
    FakeScenarios.publishFrame(server.vertx(), FakeScenarios.forecastFrame("FC-1", 7, 18, T0.plusSeconds(4200)));
    waitFor("forecast over", "return document.getElementById('forecast-status').getAttribute('data-state') === 'finished'");
    assertThat(text("#forecast-status"))
        .isEqualTo("Forecast FC-1: finished early after 7 of 18 steps · outputs in /data/forecasts/FC-1");
    assertThat(count("path.ct-forecast-footprint")).isZero();
    assertThat(button.isEnabled()).isTrue();
    assertNoErrors();
  }

  @Test
  void aForecastScenarioRunsFromTheScenarioList() throws Exception {
    waitFor("scenarios listed", "return window.cityTwin.drills.ready === true");
    WebElement run = driver.findElement(By.cssSelector("button.ct-run-forecast[data-scenario-id='testville-flood']"));
    assertThat(run.getText()).isEqualTo("Run forecast");
    assertThat(driver.findElements(By.cssSelector("button.ct-start-drill[data-scenario-id='testville-flood']"))).isEmpty();
    run.click();
    waitFor("forecast running", "return document.getElementById('scenario-forecast').getAttribute('data-state') === 'running'");
    assertThat(fake.requestsTo(SimAddresses.START_FORECAST)).containsExactly(new JsonObject().put("scenario", "testville-flood"));
    assertThat(text("#scenario-forecast")).isEqualTo("River flood in Testville East · step 0/72");
    // One at a time: every Run forecast button and the incident card's waits.
    assertThat(driver.findElements(By.cssSelector("button.ct-run-forecast"))).allMatch(b -> !b.isEnabled());
    assertThat(driver.findElement(By.id("forecast-start")).isEnabled()).isFalse();
    assertThat(text("#forecast-status")).isEmpty();

    FakeScenarios.publishFrame(server.vertx(), FakeScenarios.forecastFrame("FC-1", 72, 72, T0.plusSeconds(6 * 3600),
        FakeScenarios.footprint("flooded", SMOKE)));
    fake.finishForecast("FC-1", 72, "completed");
    waitFor("forecast over", "return document.getElementById('scenario-forecast').getAttribute('data-state') === 'finished'");
    assertThat(text("#scenario-forecast")).isEqualTo("Forecast FC-1: completed after 72 of 72 steps · outputs in /data/forecasts/FC-1");
    assertThat(count("path.ct-forecast-footprint[data-footprint='flooded']")).isEqualTo(1);
    assertThat(driver.findElements(By.cssSelector("button.ct-run-forecast"))).allMatch(WebElement::isEnabled);
    assertNoErrors();
  }

  @Test
  void aRefusalIsShownInTheCard() throws Exception {
    fake.failures.put(SimAddresses.START_FORECAST, new Object[] {409, "forecast FC-9 is still running"});
    driver.findElement(By.id("forecast-start")).click();
    waitFor("refused", "return document.getElementById('forecast-status').getAttribute('data-state') === 'failed'");
    assertThat(text("#forecast-status")).isEqualTo("Forecast not started: forecast FC-9 is still running");
    assertThat(driver.findElement(By.id("forecast-start")).isEnabled()).isTrue();
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
