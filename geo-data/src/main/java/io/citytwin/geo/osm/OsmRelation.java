package io.citytwin.geo.osm;

import java.util.List;
import java.util.Map;

/** An OSM relation with its members and tags. */
public record OsmRelation(long id, List<Member> members, Map<String, String> tags) {

  /** A relation member; {@code type} is {@code node}, {@code way} or {@code relation}. */
  public record Member(String type, long ref, String role) {}
}
