package io.citytwin.twin.cap;

import java.util.Objects;

/**
 * A CAP {@code <resource>}: a file with supplemental information (map, image, document).
 *
 * @param resourceDesc what the resource is, e.g. {@code map}
 * @param mimeType its MIME type; a CAP 1.1 resource without one reads as {@code
 *     application/octet-stream}
 * @param size approximate size in bytes, or null
 * @param uri where to get it (whitespace collapsed, as xs:anyURI), or null
 * @param derefUri the content itself, base64, or null
 * @param digest SHA-1 hash of the content, or null
 */
public record CapResource(
    String resourceDesc, String mimeType, Long size, String uri, String derefUri, String digest) {
  /** The MIME type of unknown binary data (RFC 2046 §4.5.1). */
  public static final String UNKNOWN_MIME_TYPE = "application/octet-stream";

  public CapResource {
    Objects.requireNonNull(resourceDesc, "resourceDesc");
    Objects.requireNonNull(mimeType, "mimeType");
    uri = CapAlert.emptyToNull(CapText.collapse(uri));
    derefUri = CapAlert.emptyToNull(derefUri);
    digest = CapAlert.emptyToNull(digest);
  }
}
