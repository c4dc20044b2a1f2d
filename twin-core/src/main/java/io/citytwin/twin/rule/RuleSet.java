package io.citytwin.twin.rule;

import java.util.List;
import java.util.Optional;

/**
 * The rules of one city as loaded from one file, validated against the city and its sensor
 * registry.
 *
 * @param source the file name, for messages
 * @param city the city the file is for, as written in it (null when it does not say)
 */
public record RuleSet(
    String source, String city, String description, List<NamedArea> areas, List<Rule> rules) {
  public RuleSet {
    description = description == null ? "" : description;
    areas = List.copyOf(areas);
    rules = List.copyOf(rules);
  }

  public Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public Optional<NamedArea> area(String id) {
    return areas.stream().filter(a -> a.id().equals(id)).findFirst();
  }
}
