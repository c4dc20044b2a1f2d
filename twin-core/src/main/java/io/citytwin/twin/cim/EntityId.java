package io.citytwin.twin.cim;

import java.util.Objects;

/**
 * A stable entity id, written {@code type/key} (e.g. {@code district/MC-MO}, {@code
 * building/w123}). The key comes from the source data (ISO code, OSM element) so the id survives a
 * re-import of the same data.
 */
public record EntityId(EntityType type, String key) {

  public EntityId {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    if (key.isEmpty() || key.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
      throw new IllegalArgumentException(
          "entity key must be non-empty without '/' or whitespace: '" + key + "'");
    }
  }

  public static EntityId of(EntityType type, String key) {
    return new EntityId(type, key);
  }

  /**
   * Parses {@code type/key}.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static EntityId parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("entity id is missing");
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          "entity id '" + text + "' is not of the form type/key (e.g. district/MC-MO)");
    }
    String prefix = text.substring(0, slash);
    EntityType type =
        EntityType.fromPrefix(prefix)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "entity id '" + text + "' has unknown type '" + prefix + "'"));
    try {
      return new EntityId(type, text.substring(slash + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("entity id '" + text + "': " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return type.prefix() + "/" + key;
  }
}
