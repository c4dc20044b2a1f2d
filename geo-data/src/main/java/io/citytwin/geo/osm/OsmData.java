package io.citytwin.geo.osm;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The content of one OSM file, fully read and checked. Implementations are immutable after
 * construction and safe to share between threads.
 */
public interface OsmData {
  /** File name (without directories) used in messages. */
  String source();

  /** Nodes that carry at least one tag. Untagged nodes are reachable only via {@link #lonLat}. */
  List<OsmNode> taggedNodes();

  List<OsmWay> ways();

  List<OsmRelation> relations();

  /**
   * Coordinates of any node in the file as {@code {lon, lat}}, or {@code null} when the file does
   * not contain that node (e.g. a way cut at the extract's edge).
   */
  double[] lonLat(long nodeId);

  /** Number of nodes in the file, tagged or not. */
  long nodeCount();

  /** The bbox of all node coordinates (lon = x, lat = y). */
  Envelope dataBounds();
}
