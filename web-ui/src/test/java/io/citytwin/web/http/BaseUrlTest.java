package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Where the Atom feed's links point, directly and behind reverse proxies, and what is never echoed. */
class BaseUrlTest {
  private static final String LOCAL = "10.0.0.5:8080";

  private static String derive(String scheme, String host, String proto, String fwdHost, String fwdPort) {
    return BaseUrl.derive(scheme, host, proto, fwdHost, fwdPort, LOCAL);
  }

  @Test
  void withoutAProxyTheRequestsSchemeAndHostWithoutDefaultPorts() {
    assertThat(derive("http", "twin.local:8080", null, null, null)).isEqualTo("http://twin.local:8080");
    assertThat(derive("http", "twin.local:80", null, null, null)).isEqualTo("http://twin.local");
    assertThat(derive("https", "Twin.Local:443", null, null, null)).isEqualTo("https://twin.local");
    assertThat(derive("https", "[::1]:8443", null, null, null)).isEqualTo("https://[::1]:8443");
    assertThat(derive("http", "192.168.1.20", null, null, null)).isEqualTo("http://192.168.1.20");
  }

  @Test
  void aProxysForwardedHeadersWinAndTheFirstEntryOfAListCounts() {
    assertThat(derive("http", "web:8080", "https", "twin.example.org", null)).isEqualTo("https://twin.example.org");
    assertThat(derive("http", "web:8080", "https, http", "twin.example.org:443, web:8080", null))
        .isEqualTo("https://twin.example.org");
    assertThat(derive("http", "web:8080", "HTTPS", null, null)).isEqualTo("https://web:8080");
    assertThat(derive("http", "web:8080", "https", "twin.example.org", "8443")).isEqualTo("https://twin.example.org:8443");
    assertThat(derive("http", "web:8080", null, null, "80")).isEqualTo("http://web");
  }

  @Test
  void unusableValuesAreIgnoredForTheNextSource() {
    assertThat(derive("http", "web:8080", "javascript", "a b", "99999")).isEqualTo("http://web:8080");
    assertThat(derive("http", "bad host\"", null, "", null)).isEqualTo("http://10.0.0.5:8080");
    assertThat(derive("http", "web:0", null, null, null)).isEqualTo("http://10.0.0.5:8080");
    assertThat(BaseUrl.derive("http", null, null, null, null, null)).isEqualTo("http://localhost");
  }

  @Property(tries = 500, seed = "20261124")
  void anyHeaderValuesGiveAPlainUrl(@ForAll String host, @ForAll String proto, @ForAll String fwdHost,
      @ForAll String fwdPort) {
    String url = derive("http", host, proto, fwdHost, fwdPort);
    assertThat(url).matches("https?://([a-z0-9_.-]+|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?");
  }
}
