package io.citytwin.twin.cap;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An earlier alert this one refers to, written {@code sender,identifier,sent} in
 * {@code <references>}. {@code sent} is normalised like {@link CapAlert#sent()}.
 */
public record CapReference(String sender, String identifier, OffsetDateTime sent) {
  public CapReference {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(identifier, "identifier");
    sent = CapTime.normalize(Objects.requireNonNull(sent, "sent"));
  }

  @Override
  public String toString() {
    return CapText.reference(this);
  }
}
