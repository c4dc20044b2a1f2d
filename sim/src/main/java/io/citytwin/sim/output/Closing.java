package io.citytwin.sim.output;

import java.io.Closeable;
import java.io.IOException;

final class Closing {
  private Closing() {}

  /** Closes after a failure elsewhere: that failure is what the user must see, not this one. */
  static void quietly(Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException e) {
      // The run already failed; its own exception is reported.
    }
  }
}
