package io.citytwin.twin.cap.incident;

import io.citytwin.twin.cap.CapCategory;
import io.citytwin.twin.cap.CapCertainty;
import io.citytwin.twin.cap.CapInfo;
import io.citytwin.twin.incident.IncidentType;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which incident type an imported warning is, where that is clear: a category the type belongs to
 * and an event naming it (English, plus the French words of Météo-France and Monaco), for an event
 * that was observed or is likely. Anything else, including watches and outlooks (certainty
 * Possible, Unlikely or Unknown), is {@link IncidentType#EXTERNAL_WARNING}, whose plans prepare and
 * inform rather than send units. The first matching rule wins, so specific hazards (gas leak)
 * come before the broad ones (any CBRNE event). Pure.
 */
final class WarningTypes {
  private record Rule(IncidentType type, Set<CapCategory> categories, Pattern event, Pattern unless) {
    boolean matches(CapInfo info) {
      return info.categories().stream().anyMatch(categories::contains)
          && event.matcher(info.event()).find()
          && (unless == null || !unless.matcher(info.event()).find());
    }
  }

  private static final List<Rule> RULES = List.of(
      rule(IncidentType.GAS_LEAK, Set.of(CapCategory.SAFETY, CapCategory.CBRNE, CapCategory.INFRA,
          CapCategory.FIRE), "\\bgas\\s+(leak|escape)|fuite de gaz", null),
      rule(IncidentType.CHEMICAL_RELEASE, Set.of(CapCategory.CBRNE), ".", null),
      rule(IncidentType.CHEMICAL_RELEASE, Set.of(CapCategory.SAFETY, CapCategory.ENV),
          "chemical|hazmat|hazardous material|toxic|chimique", null),
      rule(IncidentType.FIRE, Set.of(CapCategory.FIRE),
          "fire|blaze|incendie|\\bfeu\\b", "weather|danger|\\bban\\b|risk|restriction|season|rating|risque"),
      rule(IncidentType.FLOOD, Set.of(CapCategory.MET, CapCategory.GEO, CapCategory.ENV, CapCategory.INFRA),
          "flood|inundation|inondation|\\bcrues?\\b", null),
      rule(IncidentType.TRAFFIC_ACCIDENT, Set.of(CapCategory.TRANSPORT),
          "accident|collision|crash|pile-?up", null),
      rule(IncidentType.CROWD_CRUSH_RISK, Set.of(CapCategory.SAFETY, CapCategory.SECURITY, CapCategory.RESCUE),
          "crowd|crush|stampede|foule", null),
      rule(IncidentType.AIR_QUALITY_EPISODE, Set.of(CapCategory.ENV, CapCategory.HEALTH, CapCategory.MET),
          "air quality|air pollution|smog|ozone|particulate|pollution de l'air|qualit[ée] de l'air", null),
      rule(IncidentType.DISEASE_CLUSTER, Set.of(CapCategory.HEALTH),
          "disease|outbreak|epidemic|cluster|infection|[ée]pid[ée]mie", null),
      rule(IncidentType.INFRASTRUCTURE_FAILURE, Set.of(CapCategory.INFRA),
          "failure|outage|collapse|burst|blackout|panne|effondrement", null));

  private WarningTypes() {}

  private static Rule rule(IncidentType type, Set<CapCategory> categories, String event, String unless) {
    int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    return new Rule(type, categories, Pattern.compile(event, flags),
        unless == null ? null : Pattern.compile(unless, flags));
  }

  /** The incident type of an info block (see the class comment). */
  static IncidentType typeOf(CapInfo info) {
    if (info.certainty() != CapCertainty.OBSERVED && info.certainty() != CapCertainty.LIKELY) {
      return IncidentType.EXTERNAL_WARNING;
    }
    for (Rule r : RULES) {
      if (r.matches(info)) {
        return r.type();
      }
    }
    return IncidentType.EXTERNAL_WARNING;
  }
}
