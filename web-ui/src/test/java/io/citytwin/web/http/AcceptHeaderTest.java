package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Content negotiation as RFC 9110 describes it, on the report's three forms. */
class AcceptHeaderTest {
  private static final List<String> OFFERED = List.of("application/json", "text/html", "text/markdown");

  private static Optional<String> choose(String accept) {
    return AcceptHeader.choose(accept, OFFERED);
  }

  @Test
  void noPreferenceGetsTheFirstOffer() {
    assertThat(choose(null)).contains("application/json");
    assertThat(choose("")).contains("application/json");
    assertThat(choose("*/*")).contains("application/json");
    assertThat(choose("*; q=.2")).contains("application/json");
  }

  @Test
  void theHighestQualityWinsAndTiesGoToTheEarlierOffer() {
    assertThat(choose("text/markdown")).contains("text/markdown");
    assertThat(choose("TEXT/HTML; charset=UTF-8")).contains("text/html");
    assertThat(choose("text/html;q=0.5, text/markdown;q=0.9")).contains("text/markdown");
    assertThat(choose("text/*")).contains("text/html");
    assertThat(choose("text/markdown, text/html")).contains("text/html");
    assertThat(choose("application/json;q=0.1, */*;q=0.5")).contains("text/html");
    // A browser following a link.
    assertThat(choose("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8")).contains("text/html");
  }

  @Test
  void theMostSpecificRangeSetsATypesQuality() {
    assertThat(choose("text/*;q=0.5, text/markdown")).contains("text/markdown");
    assertThat(choose("*/*, application/json;q=0")).contains("text/html");
    assertThat(choose("text/*;q=0, text/markdown;q=0.1, application/json;q=0")).contains("text/markdown");
  }

  @Test
  void nothingAcceptableIsEmpty() {
    assertThat(choose("application/pdf")).isEmpty();
    assertThat(choose("image/*, application/xml")).isEmpty();
    assertThat(choose("*/*;q=0")).isEmpty();
    assertThat(choose("application/json;q=0, text/*;q=0")).isEmpty();
  }

  @Test
  void malformedEntriesAreIgnored() {
    assertThat(AcceptHeader.parse("text/html;q=2, text/markdown;q=abc, json, /, */html, text/markdown;q=0.25"))
        .containsExactly(new AcceptHeader.Range("text", "markdown", 0.25));
    assertThat(choose("text/html;q=1.5, text/markdown")).contains("text/markdown");
    // Nothing usable at all: as if there were no header.
    assertThat(choose(";;,,q=1")).contains("application/json");
  }

  /** Whatever a client sends, the answer is one of the offers or nothing: never an exception. */
  @Property(tries = 2000, seed = "20261124")
  void anyHeaderChoosesAnOfferOrNone(@ForAll("headers") String accept) {
    Optional<String> chosen = choose(accept);
    chosen.ifPresent(media -> assertThat(OFFERED).contains(media));
    AcceptHeader.parse(accept).forEach(r -> assertThat(r.q()).isBetween(0.0, 1.0));
  }

  @Provide
  Arbitrary<String> headers() {
    Arbitrary<String> media = Arbitraries.of("text/html", "text/markdown", "application/json", "text/*", "*/*", "*",
        "image/png", "x", "/", "*/html", "TEXT/Html", "application/*", ";", ";;", "");
    Arbitrary<String> param = Arbitraries.of("", ";q=0", ";q=1", ";q=0.5", ";q=0.123", ";q=1.0001", ";q=-1", ";q=",
        "; Q = 0.7", ";charset=utf-8", ";level=1;q=0.3", ";q=0.3;q=0.9");
    Arbitrary<String> entry = Arbitraries.oneOf(media.flatMap(m -> param.map(p -> m + p)), Arbitraries.strings().ofMaxLength(20));
    Arbitrary<String> separator = Arbitraries.of(",", ", ", " ,", ",,");
    return entry.list().ofMaxSize(6).flatMap(l -> separator.map(sep -> String.join(sep, l)));
  }
}
