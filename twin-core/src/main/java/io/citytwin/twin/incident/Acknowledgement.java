package io.citytwin.twin.incident;

import io.citytwin.twin.agency.Agency;

/**
 * An agency confirmed a task.
 *
 * @param by who acknowledged (person, console or unit call sign)
 * @param atMillis when the platform accepted it, epoch milliseconds
 */
public record Acknowledgement(Agency agency, String by, Channel channel, long atMillis) {}
