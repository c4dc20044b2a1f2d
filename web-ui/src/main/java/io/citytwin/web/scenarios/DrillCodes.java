package io.citytwin.web.scenarios;

import java.util.List;

/** The drill status vocabulary of {@code io.citytwin.twin.vertx.SimAddresses}, in lifecycle order. */
public final class DrillCodes {
  private DrillCodes() {}

  /** Every drill status. */
  public static final List<String> STATUSES = List.of("running", "scoring", "finished", "failed");

  /** Statuses of a drill not over yet: its exercise traffic may still be flowing or being scored. */
  public static final List<String> IN_PROGRESS = List.of("running", "scoring");

  public static boolean inProgress(String status) {
    return IN_PROGRESS.contains(status);
  }
}
