package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium driven through its own chromedriver (never a downloaded browser).
 * Missing Chromium fails the test when {@code CI=true} and skips it, with the reason, elsewhere.
 */
final class Browser {
  /** Debian's paths; overridable with {@code -Dcitytwin.chromium=} / {@code -Dcitytwin.chromedriver=}. */
  static final String CHROMIUM = System.getProperty("citytwin.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("citytwin.chromedriver", "/usr/bin/chromedriver");

  // Debian's Chromium is newer than the CDP versions Selenium bundles; no test uses CDP.
  private static final java.util.logging.Logger CDP_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private Browser() {}

  static ChromeDriver start(Path profileDir) throws IOException {
    boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    if (!present) {
      String why = "needs " + CHROMIUM + " and " + CHROMEDRIVER
          + " (apt-get install -y chromium chromium-driver)";
      if ("true".equals(System.getenv("CI"))) {
        fail("browser test " + why);
      }
      Assumptions.abort("skipped outside CI: browser test " + why);
    }
    CDP_LOG.setLevel(Level.SEVERE);
    Files.createDirectories(profileDir);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1440,900",
        "--user-data-dir=" + Files.createTempDirectory(profileDir, "chromium-").toAbsolutePath());
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /**
   * Loads the dashboard and waits until it reports every layer drawn; on a time-out the failure
   * carries the page's own errors and the console errors.
   */
  static void openDashboard(ChromeDriver driver, String url) {
    driver.get(url);
    try {
      new WebDriverWait(driver, Duration.ofSeconds(30))
          .until(d -> Boolean.TRUE.equals(
              driver.executeScript("return !!(window.cityTwin && window.cityTwin.ready)")));
    } catch (TimeoutException e) {
      fail("dashboard at " + url + " did not finish loading; page errors: "
          + driver.executeScript("return window.cityTwin ? window.cityTwin.errors : 'no cityTwin object'")
          + "; console errors: " + consoleErrors(driver));
    }
  }

  /** Saves a PNG of the window once popups have finished fading in. */
  static void screenshot(ChromeDriver driver, Path file) throws IOException {
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> Boolean.TRUE.equals(driver.executeScript(
            "return Array.from(document.querySelectorAll('.leaflet-popup'))"
                + ".every(function (p) { return getComputedStyle(p).opacity === '1'; })")));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Browser console messages at SEVERE level (JS errors, failed resource loads). */
  static List<String> consoleErrors(ChromeDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** No console errors and none recorded by the dashboard's own error hook. */
  static void assertNoErrors(ChromeDriver driver) {
    assertThat(consoleErrors(driver)).isEmpty();
    assertThat(driver.executeScript("return window.cityTwin.errors")).isEqualTo(List.of());
  }

  /** Waits up to 10 s for a script to return true; the failure names what and the page's errors. */
  static void waitFor(ChromeDriver driver, String what, String script) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(() -> what + "; page errors: "
            + driver.executeScript("return window.cityTwin.errors") + "; console: " + consoleErrors(driver))
        .until(d -> Boolean.TRUE.equals(driver.executeScript(script)));
  }

  static String text(ChromeDriver driver, String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  static long count(ChromeDriver driver, String css) {
    return (Long) driver.executeScript("return document.querySelectorAll(arguments[0]).length", css);
  }
}
