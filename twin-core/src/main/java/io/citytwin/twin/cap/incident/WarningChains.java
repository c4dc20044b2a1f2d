package io.citytwin.twin.cap.incident;

import io.citytwin.twin.cap.CapAlert;
import io.citytwin.twin.cap.CapReference;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentSource;
import io.citytwin.twin.incident.IncidentsState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * How the messages of one warning are tied to one incident (see {@link CapImport}): incidents are
 * keyed {@code cap/{sender},{identifier}} by the first message of their chain, and every imported
 * message is an alarm of its own rule {@code cap:{sender},{identifier}}, so the incident book
 * itself remembers which messages went where. Keys too long for the engine become the SHA-256 of
 * {@code sender,identifier}. Pure.
 */
final class WarningChains {
  /** How the place keys of imported warnings start. */
  static final String PLACE_PREFIX = "cap/";

  private WarningChains() {}

  /** The incident a message of this sender and identifier was imported into, if any. */
  static Optional<Incident> importedInto(CapAlert a, IncidentsState state, boolean exercise) {
    String rule = ruleId(a.sender(), a.identifier());
    return newestFirst(state, exercise).stream()
        .filter(i -> state.lastAlarmMillis(rule, i.type(), i.placeKey(), exercise).isPresent())
        .findFirst();
  }

  /**
   * The incident of the message's chain: keyed by the message or one it references, or fed by one
   * it references; an active one before finished ones, a newer before an older.
   */
  static Optional<Incident> incidentOf(CapAlert a, IncidentsState state, boolean exercise) {
    List<CapReference> keys = new ArrayList<>(a.references());
    keys.add(0, a.asReference());
    for (Incident i : newestFirst(state, exercise)) {
      for (CapReference r : keys) {
        if (i.placeKey().equals(placeKey(r))
            || state.lastAlarmMillis(ruleId(r.sender(), r.identifier()), i.type(), i.placeKey(), exercise)
                .isPresent()) {
          return Optional.of(i);
        }
      }
    }
    return Optional.empty();
  }

  /** The first message of the chain as far as this one tells: the earliest it references. */
  static CapReference root(CapAlert a) {
    return a.references().stream()
        .min(Comparator.comparing((CapReference r) -> r.sent().toInstant()))
        .orElse(a.asReference());
  }

  static String placeKey(CapReference r) {
    return key(PLACE_PREFIX, r.sender() + "," + r.identifier());
  }

  static String ruleId(String sender, String identifier) {
    return key("cap:", sender + "," + identifier);
  }

  /** {@code prefix + text}, or the text's SHA-256 when that would be too long for the engine. */
  private static String key(String prefix, String text) {
    if (prefix.length() + text.length() <= CapImport.MAX_KEY) {
      return prefix + text;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return prefix + "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Imported incidents, active ones first (the one an Update continues), then newest first. */
  private static List<Incident> newestFirst(IncidentsState state, boolean exercise) {
    List<Incident> out = new ArrayList<>();
    for (Incident i : state.incidents()) {
      if (i.exercise() == exercise && i.source().kind() == IncidentSource.Kind.CAP) {
        out.add(i);
      }
    }
    Collections.reverse(out);
    out.sort(Comparator.comparing(i -> !i.isActive()));
    return out;
  }
}
