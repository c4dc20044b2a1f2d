package io.citytwin.twin.cap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects problems for one message. A problem found while mapping an element the schema already
 * flagged is the same problem told twice, so it is dropped. Not thread-safe.
 */
final class Problems {
  private final List<CapProblem> list = new ArrayList<>();
  private final Set<String> schemaPaths = new HashSet<>();

  void addSchemaProblems(List<CapProblem> problems) {
    for (CapProblem p : problems) {
      list.add(p);
      schemaPaths.add(p.path());
    }
  }

  void error(String path, String message) {
    add(new CapProblem(CapProblem.Level.ERROR, path, 0, message));
  }

  void warning(String path, String message) {
    add(new CapProblem(CapProblem.Level.WARNING, path, 0, message));
  }

  private void add(CapProblem p) {
    if (!schemaPaths.contains(p.path())) {
      list.add(p);
    }
  }

  List<CapProblem> list() {
    return list;
  }
}
