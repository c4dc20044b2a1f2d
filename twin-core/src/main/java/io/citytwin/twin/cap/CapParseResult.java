package io.citytwin.twin.cap;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A CAP document read by {@link CapParser}: the alert, when the document could be mapped to the
 * model, and every problem found (schema, CAP rules), in document order.
 *
 * <p>An importer accepts the alert when {@link #isValid()} and otherwise rejects it with {@link
 * #rejectionReason()}. The alert is absent only when a problem kept it from being built (a missing
 * required element, an unknown enumeration value, a polygon that is not numbers); then there is
 * always at least one error. A present alert may still be invalid (e.g. an unclosed polygon).
 *
 * @param version the CAP version of the document (from its namespace)
 */
public record CapParseResult(CapVersion version, Optional<CapAlert> alert, List<CapProblem> problems) {
  public CapParseResult {
    problems = List.copyOf(problems);
    if (alert.isEmpty() && problems.stream().noneMatch(CapProblem::isError)) {
      throw new IllegalArgumentException("an alert that could not be built needs an error");
    }
  }

  /** True when there is an alert and no {@link CapProblem.Level#ERROR}; warnings are allowed. */
  public boolean isValid() {
    return alert.isPresent() && errors().isEmpty();
  }

  /** The alert if it is valid. */
  public Optional<CapAlert> validAlert() {
    return isValid() ? alert : Optional.empty();
  }

  public List<CapProblem> errors() {
    return problems.stream().filter(CapProblem::isError).toList();
  }

  public List<CapProblem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  /** The errors on one line each, for a rejection log or response; empty when valid. */
  public String rejectionReason() {
    return errors().stream().map(CapProblem::toString).collect(Collectors.joining("\n"));
  }
}
