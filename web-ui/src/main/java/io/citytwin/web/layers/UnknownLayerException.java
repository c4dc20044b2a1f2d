package io.citytwin.web.layers;

/** A layer name that the twin does not serve. */
public final class UnknownLayerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownLayerException(String message) {
    super(message, null, false, false);
  }
}
