package io.citytwin.twin.cap.incident;

import io.citytwin.twin.cap.CapResponseType;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * What the public is told to do about an active incident: CAP {@code <responseType>}s and the
 * {@code <instruction>} text, per incident type, stronger for the most severe ones where the
 * response plans evacuate. The choices follow the plans' own actions (e.g. shelter-in-place
 * downwind of a chemical release, a 100 m cordon around a gas escape). Pure.
 */
final class PublicAdvice {
  static final String ALL_CLEAR =
      "The emergency is over. You may return to normal activities; follow any further advice from"
          + " the authorities.";
  static final String WITHDRAWN =
      "This alert was withdrawn: there is no emergency and no action is needed.";

  private PublicAdvice() {}

  /** The recommended actions while the incident is active, most important first. */
  static List<CapResponseType> responseTypes(IncidentType type, Severity severity) {
    boolean extreme = severity == Severity.EXTREME;
    List<CapResponseType> out = new ArrayList<>();
    switch (type) {
      case FIRE, GAS_LEAK -> out.addAll(List.of(CapResponseType.EVACUATE, CapResponseType.AVOID));
      case FLOOD -> out.addAll(extreme
          ? List.of(CapResponseType.EVACUATE, CapResponseType.AVOID) : List.of(CapResponseType.AVOID));
      case CHEMICAL_RELEASE -> out.addAll(extreme
          ? List.of(CapResponseType.EVACUATE, CapResponseType.SHELTER, CapResponseType.AVOID)
          : List.of(CapResponseType.SHELTER, CapResponseType.AVOID));
      case TRAFFIC_ACCIDENT, CROWD_CRUSH_RISK, INFRASTRUCTURE_FAILURE -> out.add(CapResponseType.AVOID);
      case AIR_QUALITY_EPISODE -> out.addAll(severity.compareTo(Severity.SEVERE) >= 0
          ? List.of(CapResponseType.SHELTER, CapResponseType.MONITOR) : List.of(CapResponseType.MONITOR));
      case DISEASE_CLUSTER, EXTERNAL_WARNING -> out.add(CapResponseType.MONITOR);
    }
    return out;
  }

  /** The instruction while the incident is active. */
  static String instruction(IncidentType type, Severity severity) {
    boolean extreme = severity == Severity.EXTREME;
    return switch (type) {
      case FIRE -> "Leave the building by the nearest safe exit and do not use lifts. Keep away from"
          + " the area and keep the streets clear for fire engines.";
      case FLOOD -> "Keep out of flood water and away from underpasses and low roads; do not drive"
          + " through water. Move to a higher floor if water reaches your building."
          + (extreme ? " Leave the area when the emergency services tell you to." : "");
      case GAS_LEAK -> "Leave the building and keep at least 100 m away. Do not use switches,"
          + " phones or open flames near the leak.";
      case CHEMICAL_RELEASE -> "Go indoors, close windows and doors and switch off ventilation."
          + " Keep away from the area until you are told it is safe."
          + (extreme ? " Leave downwind areas when the emergency services tell you to." : "");
      case TRAFFIC_ACCIDENT -> "Avoid the area and expect road closures and diversions.";
      case CROWD_CRUSH_RISK -> "Do not go to the area. If you are there, move away calmly and follow"
          + " the instructions of stewards and police.";
      case AIR_QUALITY_EPISODE -> severity.compareTo(Severity.SEVERE) >= 0
          ? "Stay indoors with windows closed where possible and avoid physical effort outdoors."
          : "People with heart or lung conditions, children and older people should limit physical"
              + " effort outdoors.";
      case DISEASE_CLUSTER -> "Follow the advice of the public health authority and see a doctor if"
          + " you have symptoms.";
      case INFRASTRUCTURE_FAILURE -> "Keep away from the damaged structure and expect closures and"
          + " diversions.";
      case EXTERNAL_WARNING -> "Follow the instructions of the authority that issued the warning"
          + " and stay informed.";
    };
  }
}
