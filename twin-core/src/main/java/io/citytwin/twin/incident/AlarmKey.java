package io.citytwin.twin.incident;

/** One rule's alarms about one place: their times only move forward, so repeats are detectable. */
record AlarmKey(String ruleId, IncidentType type, String placeKey, boolean exercise) {}
