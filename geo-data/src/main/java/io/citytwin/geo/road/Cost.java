package io.citytwin.geo.road;

/** What a shortest-path search minimises. */
public enum Cost {
  /** Travel time in seconds at the mode's speed on each edge (see {@link Router}). */
  TIME,
  /** Length in metres along the edge geometries. */
  DISTANCE
}
