package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.vertx.IncidentAddresses;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Incidents on the dashboard in headless Chromium: the active fire in Testville with its area, its
 * tasks per agency, live task changes from {@code /ws}, acknowledgement through the API, and the
 * exercise banner of a drill. The incident service is {@link FakeIncidents} on the event bus.
 */
class IncidentDashboardBrowserIT {
  private static final String SEVERE = "#ef4444";

  private ChromeDriver driver;
  private TestServer server;
  private FakeIncidents fake;

  @BeforeEach
  void start() throws Exception {
    driver = Browser.start(Path.of("target", "browser"));
    fake = FakeIncidents.testville(Instant.now());
    server = TestServer.start(FixtureCity::testville, FakeTelemetry.testville(), fake, new JsonObject());
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
  void showsTheFireItsTasksAndFollowsTaskChangesAndAcknowledgements() throws Exception {
    Browser.openDashboard(driver, server.url("/"));
    waitFor("incidents from the hello", "return window.cityTwin.incidentsReady === true");

    // The active fire only (yesterday's closed gas leak is not shown), with its area in severe red.
    assertThat(driver.findElements(By.cssSelector("#incident-list li.ct-incident"))).hasSize(1);
    WebElement item = driver.findElement(By.cssSelector("#incident-list li[data-incident-id='INC-1']"));
    assertThat(item.getAttribute("data-severity")).isEqualTo("severe");
    assertThat(item.getText()).contains("Fire: smoke at 2 detectors in building/w3", "SEVERE", "2 alarms", "min")
        .doesNotContain("EXERCISE");
    assertThat(text("#incident-total")).isEqualTo("1");
    WebElement area = driver.findElement(By.cssSelector("path.ct-incident-area[data-incident-id='INC-1']"));
    assertThat(area.getAttribute("stroke")).isEqualTo(SEVERE);
    assertThat(area.getAttribute("fill")).isEqualTo(SEVERE);
    assertThat(count("path.ct-incident-area")).isEqualTo(1);
    assertThat(driver.findElement(By.id("exercise-banner")).isDisplayed()).isFalse();

    // Its tasks per agency: the fire brigade dispatched with unit, ETA and route; EMS overdue and escalated.
    item.click();
    waitFor("timeline fetched", "return document.querySelectorAll('#incident-timeline li[data-kind]').length === 7");
    assertThat(driver.findElements(By.cssSelector("#incident-tasks .ct-agency h3"))).extracting(WebElement::getText)
        .containsExactly("Fire brigade", "EMS", "Police", "Traffic");
    assertThat(task("T-1").getAttribute("data-status")).isEqualTo("dispatched");
    assertThat(task("T-1").getText()).contains("Suppress", "DISPATCHED", "ack due in", "Caserne Est engine 1", "ETA 4:10");
    assertThat(task("T-2").getText()).contains("Stand by", "ack overdue", "Escalated to the duty supervisor");
    assertThat(task("T-2").findElement(By.cssSelector(".ct-sla")).getAttribute("class")).contains("ct-overdue");
    assertThat(task("T-3").getText()).contains("by PC Martin (mqtt)").doesNotContain("ack due");
    assertThat(ackButtons()).containsExactly("T-1", "T-2", "T-4");
    WebElement route = driver.findElement(By.cssSelector("path.ct-route[data-task-id='T-1']"));
    assertThat(route.getAttribute("stroke")).isEqualTo("#f97316");

    // The fire brigade reports en route: the task changes live and its button goes.
    JsonObject fire = fake.incidents.get("INC-1");
    FakeIncidents.publishTask(server.vertx(), "acknowledged",
        fake.task("INC-1", "T-1").put("status", "en_route").put("ackedAt", Instant.now().toString())
            .put("ackedBy", "crew 2").put("ackChannel", "mqtt"), fire);
    waitFor("T-1 en route", "return document.querySelector(\"[data-task-id='T-1']\").getAttribute('data-status') === 'en_route'");
    assertThat(task("T-1").getText()).contains("EN ROUTE", "arrive due in", "by crew 2");
    assertThat(ackButtons()).containsExactly("T-2", "T-4");

    // The operator acknowledges for traffic: the POST reaches the service, the answer updates the task.
    fake.publishChanges = false;
    task("T-4").findElement(By.cssSelector("button.ct-ack")).click();
    waitFor("T-4 acknowledged", "return document.querySelector(\"[data-task-id='T-4']\").getAttribute('data-status') === 'acknowledged'");
    assertThat(fake.requestsTo(IncidentAddresses.ACK)).containsExactly(new JsonObject()
        .put("incidentId", "INC-1").put("taskId", "T-4").put("channel", "rest").put("by", "operations centre"));
    assertThat(task("T-4").getText()).contains("by operations centre (rest)");
    assertThat(ackButtons()).containsExactly("T-2");
    waitFor("ack on the timeline", "return document.querySelectorAll('#incident-timeline li[data-kind]').length === 8");

    Browser.screenshot(driver, Path.of("target", "dashboard-incident.png"));

    // Resolved: it leaves the active list and the map.
    FakeIncidents.publishIncident(server.vertx(), "resolved", fire.copy().put("status", "resolved"));
    waitFor("fire gone", "return document.querySelectorAll('#incident-list li.ct-incident').length === 0");
    assertThat(count("path.ct-incident-area")).isZero();
    assertNoErrors();
  }

  @Test
  void anExerciseIncidentShowsTheDrillBannerUntilItIsOver() throws Exception {
    JsonObject drill = FakeIncidents.floodDrill(Instant.now());
    fake.add(drill);
    Browser.openDashboard(driver, server.url("/"));
    waitFor("incidents from the hello", "return window.cityTwin.incidentsReady === true");

    WebElement banner = driver.findElement(By.id("exercise-banner"));
    assertThat(banner.isDisplayed()).isTrue();
    assertThat(banner.getText()).isEqualTo("EXERCISE — drill in progress");
    // Newest first: the drill opened after the fire.
    assertThat(driver.findElements(By.cssSelector("#incident-list li.ct-incident")))
        .extracting(e -> e.getAttribute("data-incident-id")).containsExactly("INC-X", "INC-1");
    assertThat(text("#incident-list li[data-incident-id='INC-X'] .ct-badge-exercise")).isEqualTo("EXERCISE");
    // A point area (the water gauge) is drawn as a circle in the severity's colour.
    WebElement point = driver.findElement(By.cssSelector("path.ct-incident-area[data-incident-id='INC-X']"));
    assertThat(point.getAttribute("stroke")).isEqualTo("#f59e0b");

    // Its popup on the map opens its tasks.
    point.click();
    waitFor("popup of INC-X", "var p = document.querySelector('.ct-incident-popup'); return !!p && p.textContent.indexOf('INC-X') >= 0");
    assertThat(text(".ct-incident-popup")).contains("DRILL: water level rising at wl-e1", "Flood", "Moderate", "Open", "EXERCISE");
    Browser.screenshot(driver, Path.of("target", "dashboard-drill.png"));
    driver.findElement(By.cssSelector(".ct-incident-popup button.ct-open-incident")).click();
    waitFor("INC-X opened", "return document.getElementById('incident-card').getAttribute('data-incident-id') === 'INC-X'"
        + " && !!document.querySelector(\"#incident-tasks [data-task-id='T-X1']\")");
    assertThat(task("T-X1").getText()).contains("Divert", "PENDING", "ack due in");

    FakeIncidents.publishIncident(server.vertx(), "closed", drill.copy().put("status", "closed"));
    waitFor("banner gone", "return document.getElementById('exercise-banner').hidden === true");
    assertThat(count("#incident-list li.ct-incident")).isEqualTo(1);
    assertNoErrors();
  }

  private WebElement task(String id) {
    return driver.findElement(By.cssSelector("#incident-tasks .ct-task[data-task-id='" + id + "']"));
  }

  private List<String> ackButtons() {
    return driver.findElements(By.cssSelector("#incident-tasks button.ct-ack")).stream()
        .map(b -> b.getAttribute("data-task-id")).toList();
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
