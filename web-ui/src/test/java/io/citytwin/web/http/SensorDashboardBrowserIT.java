package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.fixture.FixtureCity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard's live telemetry in headless Chromium: sensor markers from the API coloured by
 * status, the indicator panel, a history chart, and updates pushed over {@code /ws} by publishing
 * on the event bus, as the twin does.
 */
class SensorDashboardBrowserIT {
  // The legend's colours (styles.js): what an operator learns to read.
  private static final Map<String, String> STATUS_COLOURS =
      Map.of("ok", "#22c55e", "stale", "#f59e0b", "no-signal", "#64748b", "faulty", "#ef4444");

  private ChromeDriver driver;
  private TestServer server;
  private FakeTelemetry fake;

  @BeforeEach
  void start() throws Exception {
    driver = Browser.start(Path.of("target", "browser"));
    fake = FakeTelemetry.testville();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<JsonObject> points = new ArrayList<>();
    for (int h = 6; h >= 1; h--) {
      points.add(new JsonObject().put("ts", now.minus(Duration.ofHours(h)).toString()).put("quantity", "pm25")
          .put("value", 10.0 + h).put("exercise", false));
    }
    fake.history.put("aq-w1", points);
    server = TestServer.start(FixtureCity::testville, fake);
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
  void showsSensorsByStatusAndFollowsLiveUpdates() throws Exception {
    Browser.openDashboard(driver, server.url("/"));
    waitFor("sensors drawn and /ws live", "return window.cityTwin.sensorsReady && document.getElementById('live').textContent === 'LIVE'");

    assertThat(count("path.ct-sensor")).isEqualTo(4);
    assertMarker("aq-w1", "ok");
    assertMarker("aq-e1", "stale");
    assertMarker("wl-e1", "no-signal");
    assertMarker("cr-w1", "faulty");
    assertThat(text("#sensor-counts li[data-status='ok'] .n")).isEqualTo("1");
    assertThat(text("#live-status")).startsWith("Live: connected");
    assertThat(text("#indicators [data-district='district/T-W'] h3")).isEqualTo("West");
    assertThat(text("#indicators [data-district='district/T-W'] tr[data-quantity='pm25'] td.n")).isEqualTo("12.5 µg/m³");
    assertThat(text("#indicators [data-district='district/T-W'] tr[data-quantity='crowd_density'] td.n"))
        .isEqualTo("2.50 persons/m²");

    // The twin reports the water gauge back, and the east district's maximum water level with it.
    JsonObject east = FakeTelemetry.district("district/T-E", "T-E",
        FakeTelemetry.indicator("pm25", "ug/m3", 1, 30.0, 30.0, 30.0),
        FakeTelemetry.indicator("water_level", "m", 1, 1.85, 1.85, 1.85));
    FakeTelemetry.publishLive(server.vertx(), FakeTelemetry.liveFrame("wl-e1", "ok",
        new JsonObject().put("water_level", FakeTelemetry.value(1.85, "m", Instant.now().toString())), east));
    waitFor("wl-e1 turned ok", "var p = document.querySelector(\"path[data-sensor-id='wl-e1']\");"
        + " return p && p.getAttribute('data-status') === 'ok'");
    assertMarker("wl-e1", "ok");
    waitFor("east water level shown", "var c = document.querySelector(\"#indicators [data-district='district/T-E']"
        + " tr[data-quantity='water_level'] td.n\"); return !!c && c.textContent === '1.85 m'");
    assertThat(text("#sensor-counts li[data-status='ok'] .n")).isEqualTo("2");
    assertThat(text("#sensor-counts li[data-status='no-signal'] .n")).isEqualTo("0");

    // A sensor's popup has its latest values with units; its history is charted.
    driver.findElement(By.cssSelector("path[data-sensor-id='aq-w1']")).click();
    waitFor("popup of aq-w1", "var p = document.querySelector('.ct-sensor-popup'); return !!p && p.textContent.indexOf('aq-w1') >= 0");
    String popup = text(".ct-sensor-popup");
    assertThat(popup).contains("AQ-W1", "OK", "PM2.5", "12.5 µg/m³", "Temperature", "14.2 °C", "West");
    waitFor("history chart", "return !!window.cityTwin.chart && window.cityTwin.chart.data.datasets[0].data.length === 6");
    assertThat(driver.findElement(By.id("history-card")).isDisplayed()).isTrue();
    assertThat(text("#history-title")).isEqualTo("AQ-W1");
    assertThat(text("#history-note")).isEqualTo("6 readings");

    // A new reading of the charted sensor updates the open popup and extends the chart.
    FakeTelemetry.publishLive(server.vertx(), FakeTelemetry.liveFrame("aq-w1", "ok",
        new JsonObject().put("pm25", FakeTelemetry.value(41.0, "ug/m3", Instant.now().toString()))));
    waitFor("chart extended", "return window.cityTwin.chart.data.datasets[0].data.length === 7");
    waitFor("popup updated", "return document.querySelector('.ct-sensor-popup').textContent.indexOf('41.0 µg/m³') >= 0");

    Browser.screenshot(driver, Path.of("target", "dashboard-sensors.png"));
    assertThat(Browser.consoleErrors(driver)).isEmpty();
    assertThat(driver.executeScript("return window.cityTwin.errors")).isEqualTo(new JsonArray().getList());
  }

  private void assertMarker(String id, String status) {
    String css = "path[data-sensor-id='" + id + "']";
    assertThat(driver.findElement(By.cssSelector(css)).getAttribute("data-status")).as(id).isEqualTo(status);
    assertThat(driver.findElement(By.cssSelector(css)).getAttribute("fill")).as(id + " colour").isEqualTo(STATUS_COLOURS.get(status));
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
