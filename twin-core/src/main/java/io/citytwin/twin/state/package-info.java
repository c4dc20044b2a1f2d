/**
 * The twin's live state, Ditto style: a {@link io.citytwin.twin.state.TwinCommand} is decided
 * against the CIM and the current {@link io.citytwin.twin.state.TwinState} into a {@link
 * io.citytwin.twin.state.TwinEvent} (or a rejection), and events are applied by a pure function.
 *
 * <p>Today the only changes are entity properties. Sensor readings and district indicators are
 * meant to become further command and event kinds here (a reading updates a sensor's state; an
 * indicator is derived per district), so they replay from the same event journal.
 */
package io.citytwin.twin.state;
