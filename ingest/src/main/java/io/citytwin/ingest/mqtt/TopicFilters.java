package io.citytwin.ingest.mqtt;

/** MQTT topic-filter matching (MQTT 3.1.1 section 4.7), for access rules. Pure. */
final class TopicFilters {
  private TopicFilters() {}

  /** Whether the concrete {@code topic} matches {@code filter} ({@code +} and {@code #} wildcards). */
  static boolean matches(String filter, String topic) {
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return true;
      }
      if (i >= t.length) {
        return false;
      }
      if (!f[i].equals("+") && !f[i].equals(t[i])) {
        return false;
      }
    }
    return f.length == t.length;
  }

  /**
   * Whether every topic that {@code requested} (a filter, possibly with wildcards) can match is
   * also matched by {@code allowed}; a shared-subscription prefix {@code $share/group/} is ignored.
   */
  static boolean covers(String allowed, String requested) {
    String r = stripShare(requested);
    String[] a = allowed.split("/", -1);
    String[] q = r.split("/", -1);
    for (int i = 0; i < a.length; i++) {
      if (a[i].equals("#")) {
        return true;
      }
      if (i >= q.length || q[i].equals("#")) {
        return false;
      }
      if (a[i].equals("+")) {
        continue;
      }
      if (!a[i].equals(q[i])) {
        return false;
      }
    }
    return a.length == q.length;
  }

  private static String stripShare(String filter) {
    if (filter.startsWith("$share/")) {
      int slash = filter.indexOf('/', "$share/".length());
      return slash < 0 ? filter : filter.substring(slash + 1);
    }
    return filter;
  }
}
