package io.citytwin.twin.disposal;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.dispatch.BaseSpec;
import io.citytwin.twin.incident.EscalationStep;
import java.util.List;
import java.util.Optional;

/**
 * An agency as the response plans see it: where its units are based, if it has any the platform
 * routes, and its default escalation chain.
 *
 * @param base null when the agency has no units on the road graph (its on-site tasks are sent
 *     without a unit and its crews report arrival themselves)
 */
public record AgencyProfile(Agency agency, BaseSpec base, List<EscalationStep> escalation) {
  public AgencyProfile {
    escalation = List.copyOf(escalation);
  }

  public Optional<BaseSpec> baseSpec() {
    return Optional.ofNullable(base);
  }
}
