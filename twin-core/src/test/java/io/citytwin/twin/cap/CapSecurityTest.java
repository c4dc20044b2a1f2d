package io.citytwin.twin.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Hostile XML is refused before anything is resolved: a real local HTTP server and a real secret
 * file stand ready to be fetched, and the tests check that nothing was.
 */
class CapSecurityTest {
  private static final String SECRET = "s3cr3t-" + ProcessHandle.current().pid();
  private static final String OPEN = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">";
  private static final String REFUSED = "DOCTYPE declarations are refused";

  @TempDir Path dir;
  private Path secret;
  private HttpServer server;
  private final AtomicInteger fetches = new AtomicInteger();
  private final CapParser parser = new CapParser();

  @BeforeEach
  void startBait() throws IOException {
    secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      fetches.incrementAndGet();
      byte[] body = ("<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopBait() {
    server.stop(0);
  }

  @Test
  void externalEntityIsRefused() {
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE alert [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
        + OPEN + "<identifier>&xxe;</identifier></alert>";

    assertRefused(xxe, 2);
  }

  @Test
  void parameterEntityAndExternalDtdOverHttpAreRefusedWithoutAFetch() {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";

    assertRefused("<!DOCTYPE alert [<!ENTITY % remote SYSTEM \"" + url + "\"> %remote;]>" + OPEN + "&leak;</alert>", 1);
    assertRefused("<!DOCTYPE alert SYSTEM \"" + url + "\">" + OPEN + "</alert>", 1);
    assertThat(fetches).hasValue(0);
  }

  @Test
  void theBaitWorksOnAParserWithJdkDefaults() throws Exception {
    // Control: without the hardening, the same document makes the JDK fetch the DTD over HTTP.
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
    String xml = "<!DOCTYPE alert SYSTEM \"" + url + "\">" + OPEN + "</alert>";

    javax.xml.parsers.SAXParserFactory.newInstance().newSAXParser()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new DefaultHandler());

    assertThat(fetches).hasValue(1);
  }

  @Test
  void billionLaughsIsRefusedBeforeAnyExpansion() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String bomb = "<?xml version=\"1.0\"?>\n" + dtd + "]>\n" + OPEN + "<identifier>&lol9;</identifier></alert>";

    assertRefused(bomb, 2);
  }

  @Test
  void xIncludeIsNotProcessed() {
    String xml = OPEN + "<identifier>a</identifier>"
        + "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + secret.toUri() + "\" parse=\"text\"/>"
        + "</alert>";

    CapParseResult read = parser.parse(xml.getBytes(StandardCharsets.UTF_8), "xinclude");

    assertThat(read.isValid()).isFalse();
    assertThat(read.errors()).first().satisfies(p -> {
      assertThat(p.path()).isEqualTo("include");
      assertThat(p.message()).contains("Invalid content was found starting with element 'include'");
    });
    assertThat(read.problems().toString()).doesNotContain(SECRET);
  }

  @Test
  void schemaLocationHintsAreIgnored() {
    // A hint to a schema that would accept anything: the bundled CAP schema still decides.
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/lax.xsd";
    String xml = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:schemaLocation=\"urn:oasis:names:tc:emergency:cap:1.2 " + url + "\"><identifier>a</identifier></alert>";

    CapParseResult read = parser.parse(xml.getBytes(StandardCharsets.UTF_8), "hint");

    assertThat(read.errors()).extracting(CapProblem::path).containsExactly("alert");
    assertThat(fetches).hasValue(0);
  }

  @Test
  void oversizedDocumentIsRefusedAfterReadingAtMostOneBytePastTheLimit() {
    CapParser small = new CapParser(4096);
    AtomicInteger served = new AtomicInteger();
    InputStream endless = new SequenceInputStream(new ByteArrayInputStream(OPEN.getBytes(StandardCharsets.UTF_8)),
        new InputStream() {
          @Override
          public int read() {
            served.incrementAndGet();
            return 'x';
          }
        });

    assertThatThrownBy(() -> small.parse(endless, "endless"))
        .isInstanceOfSatisfying(CapFormatException.class, e -> assertThat(e.getMessage())
            .isEqualTo("endless: is larger than the limit of 4096 bytes"));
    assertThat(served.get() + OPEN.length()).isLessThanOrEqualTo(4097);
    assertThatThrownBy(() -> small.parse(new byte[4097], "big"))
        .hasMessage("big: is larger than the limit of 4096 bytes");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = OPEN + "<x>".repeat(40) + "</x>".repeat(40) + "</alert>";

    assertThatThrownBy(() -> parser.parse(deep.getBytes(StandardCharsets.UTF_8), "deep"))
        .hasMessage("deep: line 1: elements are nested deeper than 32");
  }

  @Test
  void otherDocumentsAndUndeclaredEntitiesAreNotCap() {
    assertThatThrownBy(() -> parser.parse(utf8("<feed xmlns='http://www.w3.org/2005/Atom'/>"), "f"))
        .hasMessageStartingWith("f: line 1: the root element is {http://www.w3.org/2005/Atom}feed, not a CAP <alert>");
    assertThatThrownBy(() -> parser.parse(utf8("<alert xmlns='urn:oasis:names:tc:emergency:cap:1.0'/>"), "v10"))
        .hasMessageContaining("not a CAP <alert> in namespace urn:oasis:names:tc:emergency:cap:1.2 or");
    assertThatThrownBy(() -> parser.parse((OPEN + "&xxe;</alert>").getBytes(StandardCharsets.UTF_8), "u"))
        .hasMessage("u: line 1, column 58: not well-formed XML: The entity \"xxe\" was referenced, but not declared.");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void assertRefused(String xml, int line) {
    assertThatThrownBy(() -> parser.parse(xml.getBytes(StandardCharsets.UTF_8), "hostile.xml"))
        .isInstanceOfSatisfying(CapFormatException.class, e -> {
          assertThat(e.source()).isEqualTo("hostile.xml");
          assertThat(e.line()).isEqualTo(line);
          assertThat(e.problem()).startsWith(REFUSED);
          assertThat(e.getMessage()).startsWith("hostile.xml: line " + line + ", column ")
              .doesNotContain(SECRET).doesNotContain("Exception").doesNotContain("\tat ");
        });
  }
}
