package io.citytwin.web.scenarios;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The forms of a drill's after-action report: the contract's {@code format} and the media type served. */
public enum ReportFormat {
  JSON("json", "application/json", "application/json; charset=utf-8"),
  HTML("html", "text/html", "text/html; charset=utf-8"),
  MARKDOWN("markdown", "text/markdown", "text/markdown; charset=utf-8");

  /** Every code, in the server's order of preference. */
  public static final List<String> CODES = Arrays.stream(values()).map(ReportFormat::code).toList();

  private final String code;
  private final String mediaType;
  private final String contentType;

  ReportFormat(String code, String mediaType, String contentType) {
    this.code = code;
    this.mediaType = mediaType;
    this.contentType = contentType;
  }

  /** The {@code format} of a report request ({@code json}, {@code markdown}, {@code html}). */
  public String code() {
    return code;
  }

  /** The media type without parameters, as matched against {@code Accept}. */
  public String mediaType() {
    return mediaType;
  }

  /** The {@code Content-Type} a report in this form is served with. */
  public String contentType() {
    return contentType;
  }

  /** The format with this code, ignoring case. */
  public static Optional<ReportFormat> fromCode(String code) {
    String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.code.equals(c)).findFirst();
  }
}
