/**
 * The Common Alerting Protocol (OASIS CAP 1.2) codec: how incidents leave CityTwin as alerts and
 * how other authorities' warnings come in. Plain Java over the JDK's XML APIs; no transport here.
 *
 * <ul>
 *   <li>Model: {@link io.citytwin.twin.cap.CapAlert}, {@link io.citytwin.twin.cap.CapInfo}, {@link
 *       io.citytwin.twin.cap.CapArea} and their parts, immutable records with builders; enumerations
 *       carry their CAP spelling.
 *   <li>Out: {@link io.citytwin.twin.cap.CapWriter} (CAP 1.2 XML) and {@link
 *       io.citytwin.twin.cap.CapAtomFeed} (Atom feed linking and embedding each alert).
 *   <li>In: {@link io.citytwin.twin.cap.CapParser} (CAP 1.2 and 1.1, hardened against XXE and
 *       entity expansion) returning a {@link io.citytwin.twin.cap.CapParseResult}: the alert and
 *       every {@link io.citytwin.twin.cap.CapProblem}, so an importer accepts valid alerts and
 *       rejects the others with the reason; {@link io.citytwin.twin.cap.CapFormatException} for
 *       input that is not a safe XML CAP document at all.
 *   <li>Validation: {@link io.citytwin.twin.cap.CapValidator}, the OASIS schema of the document's
 *       version plus {@link io.citytwin.twin.cap.CapRules}, the spec's rules a schema cannot say.
 *   <li>Geometry: {@link io.citytwin.twin.cap.CapGeometry}, CAP areas to and from JTS (lon/lat).
 * </ul>
 *
 * <p>Scope decisions. National CAP profiles (CAP-CP, CAP-AU, IPAWS) are not enforced: CityTwin
 * imports warnings from any authority and must not reject a valid CAP 1.2 message for not meeting
 * another country's profile; their codes ({@code <code>}, event codes, geocodes) are kept for
 * whoever wants to apply one. XML signatures ({@code ds:Signature}) are accepted by the schema but
 * neither verified nor kept. {@code <sent>} times with UTC written {@code +00:00} (allowed by CAP
 * 1.1, not by 1.2) are accepted with a warning; the writer always uses {@code -00:00}.
 */
package io.citytwin.twin.cap;
