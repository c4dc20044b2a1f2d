package io.citytwin.geo;

/**
 * A GIS input (file, stream, layer) that cannot be used. The message always names the source and
 * the problem in words a user can act on, e.g. {@code "monaco.osm.pbf: truncated PBF blob at byte
 * 4096"}; it is never a bare stack trace. Thrown before anything from that source is published, so
 * an input either loads whole or not at all.
 */
public final class GisInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final String problem;

  public GisInputException(String source, String problem) {
    this(source, problem, null);
  }

  public GisInputException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
    this.problem = problem;
  }

  /** The file name (or other source label) that was rejected. */
  public String source() {
    return source;
  }

  /** The problem, without the source prefix. */
  public String problem() {
    return problem;
  }
}
