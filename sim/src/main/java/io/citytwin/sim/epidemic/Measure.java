package io.citytwin.sim.epidemic;

/**
 * One scenario intervention, parsed.
 *
 * @param index position in the scenario's {@code interventions}
 * @param action the action as written, e.g. {@code close_schools}
 * @param atDay first day in force for a date trigger, or -1
 * @param metric frame metric of a threshold trigger, or null
 * @param above the threshold: in force from the day after a frame in which the metric exceeds it
 * @param days how many days it stays in force, or -1 for the rest of the run
 */
record Measure(int index, String action, Effect effect, int atDay, String metric, double above,
    int days) {

  String label() {
    return action + " (interventions[" + index + "])";
  }
}
