package io.citytwin.app.cli;

import java.io.IOException;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/** Whether a standard stream is an interactive terminal (Java itself only knows about stdin+stdout). */
final class Terminals {
  private Terminals() {}

  /**
   * Whether standard error is a terminal, so a progress bar redrawn in place makes sense there.
   * Asks JLine's {@code exec} provider (it runs {@code test -t 2}); false when that cannot be
   * decided, e.g. on a system without {@code test}, or with {@code TERM=dumb}.
   */
  static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      return TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
    } catch (IOException | RuntimeException | LinkageError e) {
      return false;
    }
  }
}
