package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.vertx.CimVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in a real headless Chromium against the server on the fixture city. */
class DashboardBrowserIT {
  private Vertx vertx;
  private ChromeDriver driver;
  private int port;

  @BeforeEach
  void start() throws Exception {
    driver = Browser.start(Path.of("target", "browser"));
    vertx = Vertx.vertx();
    await(vertx.deployVerticle(CimVerticle.of(FixtureCity.testville())));
    WebServerVerticle web = new WebServerVerticle();
    await(vertx.deployVerticle(web, new DeploymentOptions().setConfig(new JsonObject().put("http.port", 0))));
    port = web.actualPort();
  }

  @AfterEach
  void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (vertx != null) {
      await(vertx.close());
    }
  }

  @Test
  void drawsTheCityLayersWithLabelsLegendAndAttribution() throws Exception {
    Browser.openDashboard(driver, "http://127.0.0.1:" + port + "/");

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
    assertThat(driver.findElements(By.cssSelector(".leaflet-control-layers-overlays label"))).hasSize(5);
    assertThat(driver.findElement(By.id("legend")).getText()).contains("Hospital", "Fire station", "Residential");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> driver.findElement(By.id("health")).getText().equals("UP"));

    driver.findElement(By.cssSelector(".leaflet-marker-icon[title^='Caserne Est']")).click();
    WebElement popup = new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> d.findElement(By.cssSelector(".leaflet-popup-content")));
    assertThat(popup.getText()).contains("Caserne Est", "poi/n11", "fire_station");

    Browser.screenshot(driver, Path.of("target", "dashboard-testville.png"));
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  private long count(String css) {
    return (Long) driver.executeScript("return document.querySelectorAll(arguments[0]).length", css);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
