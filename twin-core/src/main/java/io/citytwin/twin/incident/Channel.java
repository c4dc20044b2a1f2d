package io.citytwin.twin.incident;

import java.util.Locale;
import java.util.Optional;

/** How an acknowledgement reached the platform, kept for after-action review. */
public enum Channel {
  MQTT,
  REST,
  WEBSOCKET,
  KAFKA,
  WEBHOOK,
  /** Radio or telephone, entered by an operator. */
  VOICE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Channel> fromCode(String code) {
    for (Channel c : values()) {
      if (c.code().equalsIgnoreCase(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
