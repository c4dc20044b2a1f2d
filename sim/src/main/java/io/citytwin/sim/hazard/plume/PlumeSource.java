package io.citytwin.sim.hazard.plume;

/**
 * A continuous point release.
 *
 * @param x metric easting of the source, m
 * @param y metric northing of the source, m
 * @param heightM release height above ground, m
 * @param gramsPerSecond emission rate, g/s (positive)
 * @param startS release start, seconds after the scenario start
 * @param endS release end, seconds after the scenario start ({@code +Infinity} for open-ended)
 */
public record PlumeSource(double x, double y, double heightM, double gramsPerSecond, double startS, double endS) {}
