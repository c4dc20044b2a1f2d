package io.citytwin.twin.vertx;

/**
 * Event-bus addresses of the {@link CimVerticle}. Requests are answered with a reply; failures are
 * {@code ReplyException}s whose {@code failureCode} is an HTTP-like status (400 bad request, 404
 * not found, 500 internal) and whose message names the problem.
 *
 * <table>
 *   <caption>Addresses</caption>
 *   <tr><th>address</th><th>kind</th><th>request body</th><th>reply / payload</th></tr>
 *   <tr><td>{@value #SUMMARY}</td><td>request</td><td>anything (ignored)</td>
 *       <td>JsonObject: city, attribution, bbox [minLon,minLat,maxLon,maxLat], counts per entity
 *       type, population {total, synthetic, source}, warnings, revision</td></tr>
 *   <tr><td>{@value #ENTITY}</td><td>request</td><td>String id, e.g. {@code district/MC-MO}</td>
 *       <td>JsonObject: id, type, name, attributes, geometry (GeoJSON), state {revision,
 *       properties} or null; 400 malformed id, 404 unknown</td></tr>
 *   <tr><td>{@value #LAYERS}</td><td>request</td><td>anything (ignored)</td>
 *       <td>JsonObject {layers: [{name, title, geometryType, featureCount, bbox, attribution,
 *       synthetic}]}</td></tr>
 *   <tr><td>{@value #LAYER}</td><td>request</td>
 *       <td>JsonObject {name, bbox?: [minLon,minLat,maxLon,maxLat]}</td>
 *       <td>Buffer: GeoJSON FeatureCollection (UTF-8); 404 unknown layer, 400 bad bbox</td></tr>
 *   <tr><td>{@value #COMMAND}</td><td>request</td>
 *       <td>JsonObject {command: "modify-property"|"delete-property", entityId, key, value?}</td>
 *       <td>JsonObject of the resulting event; 400 rejected, with the reason</td></tr>
 *   <tr><td>{@value #LOADED}</td><td>publish</td><td></td>
 *       <td>the summary, once the CIM is built</td></tr>
 *   <tr><td>{@value #EVENTS}</td><td>publish</td><td></td>
 *       <td>JsonObject of each applied twin event {revision, timestamp, event, entityId, key,
 *       value?}</td></tr>
 * </table>
 */
public final class CimAddresses {
  private CimAddresses() {}

  public static final String SUMMARY = "citytwin.cim.summary";
  public static final String ENTITY = "citytwin.cim.entity";
  public static final String LAYERS = "citytwin.cim.layers";
  public static final String LAYER = "citytwin.cim.layer";
  public static final String COMMAND = "citytwin.twin.command";
  public static final String LOADED = "citytwin.cim.loaded";
  public static final String EVENTS = "citytwin.twin.events";
}
