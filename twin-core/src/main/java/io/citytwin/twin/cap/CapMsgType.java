package io.citytwin.twin.cap;

import java.util.Optional;

/**
 * CAP {@code <msgType>}. Every type but {@link #ALERT} refers to earlier messages through
 * {@code <references>}.
 */
public enum CapMsgType implements CapCode {
  ALERT("Alert"),
  UPDATE("Update"),
  CANCEL("Cancel"),
  ACK("Ack"),
  ERROR("Error");

  private final String cap;

  CapMsgType(String cap) {
    this.cap = cap;
  }

  @Override
  public String cap() {
    return cap;
  }

  /** The constant spelled exactly {@code text} in CAP (case-sensitive, as the schema is). */
  public static Optional<CapMsgType> fromCap(String text) {
    return CapCode.lookup(values(), text);
  }
}
