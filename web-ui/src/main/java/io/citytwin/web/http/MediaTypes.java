package io.citytwin.web.http;

import java.util.Locale;

/** Reads the media type of a {@code Content-Type} header. Pure. */
final class MediaTypes {
  private MediaTypes() {}

  /** The media type without parameters, lower case; empty for a missing header. */
  static String of(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }

  /** {@code application/json} or any {@code application/*+json}. */
  static boolean isJson(String media) {
    return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
  }

  /** How a refusal names what the client sent. */
  static String described(String contentType) {
    return contentType == null ? "a body without Content-Type" : "'" + contentType + "'";
  }
}
