package io.citytwin.sim.drill;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The after-action report of a drill in Markdown and HTML (with an inline SVG chart of the mean
 * acknowledgement time per agency against the SLA), from the score and the incidents' timelines.
 * Pure; the JSON form is the drill object itself.
 *
 * @param drillId the drill
 * @param scenario scenario name and type, e.g. "Fire in the Princess Grace hospital (building_fire)"
 * @param startedAt ISO-8601
 * @param finishedAt ISO-8601
 * @param timeline lines "time — incident — what happened", oldest first
 */
public record DrillReport(String drillId, String scenario, String startedAt, String finishedAt, DrillScore score,
    List<String> timeline) {

  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# After-action report: drill ").append(drillId).append("\n\n");
    b.append("**EXERCISE** — every incident, task and alert of this drill was marked as an exercise.\n\n");
    b.append("- Scenario: ").append(scenario).append('\n');
    b.append("- Started: ").append(startedAt).append(", finished: ").append(finishedAt).append("\n\n");
    b.append("## Score\n\n| measure | value |\n|---|---|\n");
    row(b, "time to detect", score.timeToDetectSeconds() == null ? "not detected" : fmt(score.timeToDetectSeconds()) + " s");
    row(b, "incidents", Integer.toString(score.incidents()));
    row(b, "tasks acknowledged", score.tasksAcknowledged() + " of " + score.tasks());
    row(b, "tasks acknowledged within SLA", score.tasksWithinAckSla() + " of " + score.tasks());
    row(b, "units on site within SLA", score.tasksWithinArrivalSla() + " of " + score.tasksArrived() + " arrived");
    row(b, "escalations", Integer.toString(score.escalations()));
    b.append("\n## Per agency\n\n| agency | tasks | acknowledged | within SLA | mean ack s | max ack s |\n|---|---|---|---|---|---|\n");
    for (Map.Entry<String, DrillScore.AgencyScore> e : score.agencies().entrySet()) {
      DrillScore.AgencyScore a = e.getValue();
      b.append("| ").append(e.getKey()).append(" | ").append(a.tasks()).append(" | ").append(a.acknowledged())
          .append(" | ").append(a.withinSla()).append(" | ").append(opt(a.meanAckSeconds())).append(" | ")
          .append(opt(a.maxAckSeconds())).append(" |\n");
    }
    b.append("\n## Timeline\n\n");
    timeline.forEach(t -> b.append("- ").append(t).append('\n'));
    return b.toString();
  }

  public String html() {
    String md = markdown();
    StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Drill ")
        .append(esc(drillId)).append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
            + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .6em}"
            + ".exercise{background:#f59e0b;color:#000;padding:.4em;font-weight:bold}</style></head><body>");
    b.append("<h1>After-action report: drill ").append(esc(drillId)).append("</h1>");
    b.append("<p class=\"exercise\">EXERCISE — every incident, task and alert of this drill was marked as an exercise.</p>");
    b.append("<p>Scenario: ").append(esc(scenario)).append("<br>Started ").append(esc(startedAt)).append(", finished ")
        .append(esc(finishedAt)).append("</p>");
    b.append(chart());
    // the tables and timeline, as in the Markdown
    boolean inTable = false;
    for (String line : md.split("\n")) {
      if (line.startsWith("|")) {
        if (line.startsWith("|---")) {
          continue;
        }
        if (!inTable) {
          b.append("<table>");
          inTable = true;
        }
        b.append("<tr>");
        for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
          b.append("<td>").append(esc(cell.trim())).append("</td>");
        }
        b.append("</tr>");
        continue;
      }
      if (inTable) {
        b.append("</table>");
        inTable = false;
      }
      if (line.startsWith("## ")) {
        b.append("<h2>").append(esc(line.substring(3))).append("</h2>");
      } else if (line.startsWith("- ") && md.indexOf("## Timeline") < md.indexOf(line)) {
        b.append("<div>").append(esc(line.substring(2))).append("</div>");
      }
    }
    if (inTable) {
      b.append("</table>");
    }
    return b.append("</body></html>").toString();
  }

  /** Horizontal bars: mean acknowledgement time per agency. */
  String chart() {
    Map<String, DrillScore.AgencyScore> a = score.agencies();
    double max = a.values().stream().map(DrillScore.AgencyScore::meanAckSeconds).filter(v -> v != null)
        .mapToDouble(Double::doubleValue).max().orElse(1);
    int row = 26;
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"560\" height=\"%d\" role=\"img\" aria-label=\"mean acknowledgement time per agency\">",
        row * a.size() + 30));
    s.append("<text x=\"0\" y=\"14\" font-size=\"13\">Mean acknowledgement time per agency (s)</text>");
    int y = 24;
    for (Map.Entry<String, DrillScore.AgencyScore> e : a.entrySet()) {
      Double v = e.getValue().meanAckSeconds();
      double w = v == null ? 0 : 400 * v / Math.max(max, 1e-9);
      s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>", y + 14, esc(e.getKey())));
      s.append(String.format(Locale.ROOT, "<rect x=\"90\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#3b82f6\"/>", y, w));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s</text>", 95 + w, y + 14,
          v == null ? "not acknowledged" : fmt(v)));
      y += row;
    }
    return s.append("</svg>").toString();
  }

  private static void row(StringBuilder b, String k, String v) {
    b.append("| ").append(k).append(" | ").append(v).append(" |\n");
  }

  private static String opt(Double v) {
    return v == null ? "—" : fmt(v);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
