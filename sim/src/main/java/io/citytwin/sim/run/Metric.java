package io.citytwin.sim.run;

/**
 * A metric a model reports in every frame.
 *
 * @param name key in {@link Frame#metrics()}, camelCase
 * @param unit e.g. {@code persons}, {@code m2}, {@code mg/m3}, {@code vehicles}
 * @param description one line for charts and reports
 */
public record Metric(String name, String unit, String description) {}
