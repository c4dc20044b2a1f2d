package io.citytwin.twin.cap;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A CAP 1.2 {@code <alert>}: the message envelope (who sent what, when, how to handle it) and its
 * {@link CapInfo} blocks. Immutable. Required values are checked for null; the CAP rules that
 * relate values (references for an Update, addresses for a Private alert, identifier characters,
 * closed polygons, ...) are checked by {@link CapValidator}, so that a received alert that breaks
 * them can still be represented and named in an error.
 *
 * <p>Optional text is null when absent (empty text counts as absent); lists are never null.
 * {@code sent} is kept to whole seconds with its zone offset ({@link CapTime#normalize}).
 *
 * @param identifier unique per sender; no spaces, commas, {@code <} or {@code &}
 * @param sender the originator, globally unique (e.g. an e-mail or domain); same characters
 * @param sent when the message was issued, with the sender's zone offset
 * @param addresses intended recipients for {@link CapScope#PRIVATE}, space-delimited in the XML
 * @param codes special-handling codes, e.g. a profile such as {@code profile:CAP-CP:0.4}
 * @param references earlier messages this one updates, cancels, acknowledges or rejects
 * @param incidents incident names this alert belongs to, space-delimited in the XML
 */
public record CapAlert(
    String identifier,
    String sender,
    OffsetDateTime sent,
    CapStatus status,
    CapMsgType msgType,
    String source,
    CapScope scope,
    String restriction,
    List<String> addresses,
    List<String> codes,
    String note,
    List<CapReference> references,
    List<String> incidents,
    List<CapInfo> infos) {

  public CapAlert {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(sender, "sender");
    sent = CapTime.normalize(Objects.requireNonNull(sent, "sent"));
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(msgType, "msgType");
    source = emptyToNull(source);
    Objects.requireNonNull(scope, "scope");
    restriction = emptyToNull(restriction);
    addresses = copy(addresses);
    codes = copy(codes);
    note = emptyToNull(note);
    references = copy(references);
    incidents = copy(incidents);
    infos = copy(infos);
  }

  /** An Actual, Public Alert from {@code sender}; change anything on the builder. */
  public static Builder builder(String identifier, String sender, OffsetDateTime sent) {
    return new Builder(identifier, sender, sent);
  }

  /** This alert as a reference, for the {@code <references>} of a later Update or Cancel. */
  public CapReference asReference() {
    return new CapReference(sender, identifier, sent);
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Collects the optional parts of an alert; not thread-safe. */
  public static final class Builder {
    private final String identifier;
    private final String sender;
    private final OffsetDateTime sent;
    private CapStatus status = CapStatus.ACTUAL;
    private CapMsgType msgType = CapMsgType.ALERT;
    private String source;
    private CapScope scope = CapScope.PUBLIC;
    private String restriction;
    private final List<String> addresses = new ArrayList<>();
    private final List<String> codes = new ArrayList<>();
    private String note;
    private final List<CapReference> references = new ArrayList<>();
    private final List<String> incidents = new ArrayList<>();
    private final List<CapInfo> infos = new ArrayList<>();

    private Builder(String identifier, String sender, OffsetDateTime sent) {
      this.identifier = identifier;
      this.sender = sender;
      this.sent = sent;
    }

    public Builder status(CapStatus value) {
      this.status = value;
      return this;
    }

    public Builder msgType(CapMsgType value) {
      this.msgType = value;
      return this;
    }

    public Builder source(String text) {
      this.source = text;
      return this;
    }

    public Builder scope(CapScope value) {
      this.scope = value;
      return this;
    }

    public Builder restriction(String text) {
      this.restriction = text;
      return this;
    }

    public Builder address(String address) {
      addresses.add(address);
      return this;
    }

    public Builder code(String code) {
      codes.add(code);
      return this;
    }

    public Builder note(String text) {
      this.note = text;
      return this;
    }

    public Builder reference(CapReference reference) {
      references.add(reference);
      return this;
    }

    public Builder incident(String name) {
      incidents.add(name);
      return this;
    }

    public Builder info(CapInfo info) {
      infos.add(info);
      return this;
    }

    public CapAlert build() {
      return new CapAlert(
          identifier, sender, sent, status, msgType, source, scope, restriction, addresses, codes,
          note, references, incidents, infos);
    }
  }
}
