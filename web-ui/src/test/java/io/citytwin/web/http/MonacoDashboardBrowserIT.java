package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.city.CityImporter;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.PoiKind;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard on the real demo city (Monaco, OSM, ODbL) in headless Chromium. */
class MonacoDashboardBrowserIT {
  private ChromeDriver driver;
  private TestServer server;
  private CityModel monaco;

  @BeforeEach
  void start() throws Exception {
    driver = Browser.start(Path.of("target", "browser"));
    monaco = CityImporter.importBuiltIn("monaco");
    server = TestServer.start(() -> monaco);
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
  void drawsMonacoWithItsNineQuartiersAndEmergencyServices() throws Exception {
    Browser.openDashboard(driver, server.url("/"));

    assertThat(count("path.ct-district")).isEqualTo(9);
    assertThat(count("path.ct-building")).isEqualTo(monaco.buildings().size());
    assertThat(count(".leaflet-marker-pane .ct-poi")).isEqualTo(monaco.pois().size());
    assertThat(driver.findElements(By.cssSelector(".ct-district-label"))).extracting(WebElement::getText)
        .contains("MONACO-VILLE", "LA CONDAMINE", "MONTE-CARLO", "FONTVIEILLE");
    long hospitals = monaco.pois().stream().filter(p -> p.kind() == PoiKind.HOSPITAL).count();
    assertThat(driver.findElements(By.cssSelector(".leaflet-marker-icon[title$='(Hospital)']"))).hasSize((int) hospitals);
    assertThat(driver.findElement(By.cssSelector(".leaflet-control-attribution")).getText())
        .contains("© OpenStreetMap contributors");
    assertThat(driver.findElement(By.id("pop-total")).getText()).isEqualTo("39,050");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> driver.findElement(By.id("health")).getText().equals("UP"));

    Browser.screenshot(driver, Path.of("target", "dashboard-monaco.png"));

    // Street level: Monaco-Ville from its population row; minor POIs appear.
    driver.findElement(By.cssSelector("#pop-table tr[data-id='district/MC-MO']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d ->
        d.findElement(By.cssSelector(".leaflet-popup-content")).getText().contains("district/MC-MO"));
    assertThat(((Number) driver.executeScript("return window.cityTwin.map.getZoom()")).doubleValue()).isGreaterThanOrEqualTo(15.5);
    Browser.screenshot(driver, Path.of("target", "dashboard-monaco-ville.png"));
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  private long count(String css) {
    return Browser.count(driver, css);
  }
}
