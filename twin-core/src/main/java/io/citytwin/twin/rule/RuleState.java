package io.citytwin.twin.rule;

/** The evaluation state of one rule; mutable, owned by one {@link EngineState}. */
abstract class RuleState {
  /** A deep copy that shares nothing mutable with this one. */
  abstract RuleState copy();
}
