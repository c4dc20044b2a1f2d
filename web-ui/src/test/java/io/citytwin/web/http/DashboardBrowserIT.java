package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.fixture.FixtureCity;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in a real headless Chromium against the server on the fixture city. */
class DashboardBrowserIT {
  private ChromeDriver driver;
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    driver = Browser.start(Path.of("target", "browser"));
    server = TestServer.start(FixtureCity::testville);
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
  void drawsTheCityLayersWithLabelsLegendAndAttribution() throws Exception {
    Browser.openDashboard(driver, server.url("/"));

    assertThat(count("path.ct-district")).isEqualTo(2);
    assertThat(count("path.ct-building")).isEqualTo(4);
    assertThat(count("path.ct-road")).isEqualTo(2);
    assertThat(count(".leaflet-marker-pane .ct-poi")).isEqualTo(3);
    // The population layer is loaded but off until chosen in the layer control.
    assertThat(count("path.ct-population")).isZero();
    assertThat(driver.findElements(By.cssSelector(".ct-district-label"))).extracting(WebElement::getText)
        .containsExactlyInAnyOrder("WEST", "EAST");
    assertThat(driver.findElement(By.id("city-name")).getText()).isEqualTo("Testville");
    assertThat(driver.findElement(By.cssSelector(".leaflet-control-attribution")).getText())
        .contains("© OpenStreetMap contributors");
    assertThat(driver.findElement(By.id("stat-buildings")).getText()).isEqualTo("4");
    assertThat(driver.findElement(By.id("pop-total")).getText()).isEqualTo("100");
    assertThat(driver.findElements(By.cssSelector(".leaflet-control-layers-overlays label"))).extracting(WebElement::getText)
        .hasSize(9).contains("Drill footprints", "Forecast footprints");
    assertThat(driver.findElement(By.id("legend")).getText()).contains("Hospital", "Fire station", "Residential");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> driver.findElement(By.id("health")).getText().equals("UP"));

    driver.findElement(By.cssSelector(".leaflet-marker-icon[title^='Caserne Est']")).click();
    // Popups fade in: their text reads as empty until they are visible.
    WebElement popup = new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> d.findElements(By.cssSelector(".leaflet-popup-content")).stream()
            .filter(p -> !p.getText().isEmpty()).findFirst().orElse(null));
    assertThat(popup.getText()).contains("Caserne Est", "poi/n11", "fire_station");

    driver.findElement(By.cssSelector("#pop-table tr[data-id='district/T-E']")).click();
    // The district popup (with its synthetic residents) replaces the POI popup.
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
      String text = (String) driver.executeScript(
          "var p = document.querySelectorAll('.leaflet-popup-content'); return p.length ? p[p.length - 1].textContent : '';");
      return text.contains("district/T-E") && text.contains("residents40") && text.contains("synthetic");
    });
    driver.findElement(By.cssSelector("a.ct-home")).click();

    Browser.screenshot(driver, Path.of("target", "dashboard-testville.png"));
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  private long count(String css) {
    return Browser.count(driver, css);
  }
}
