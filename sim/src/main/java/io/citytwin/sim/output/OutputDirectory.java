package io.citytwin.sim.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The directory one run writes into. Refuses a directory that already holds anything, unless asked
 * to overwrite, and then removes only the entries of the output layout (never other files), so no
 * stale step file of an earlier, longer run can mix with this one. Not thread-safe: the runner
 * calls its writers from one thread.
 */
final class OutputDirectory {
  /** The top-level entries a run writes; the only ones {@code overwrite} removes. */
  static final List<String> LAYOUT = List.of(
      RunOutputs.SUMMARY, RunOutputs.METRICS, RunOutputs.NOTES, RunOutputs.FOOTPRINTS, RunOutputs.FOOTPRINT_STEPS,
      RunOutputs.CHARTS);

  private final Path root;
  private final Set<String> written = new TreeSet<>();

  private OutputDirectory(Path root) {
    this.root = root;
  }

  static OutputDirectory prepare(Path dir, boolean overwrite) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new OutputException(dir + " exists and is not a directory");
      }
      if (Files.isDirectory(dir)) {
        if (overwrite) {
          for (String entry : LAYOUT) {
            deleteTree(dir.resolve(entry));
          }
        } else if (!isEmpty(dir)) {
          throw new OutputException(dir + " is not empty; choose a new directory or overwrite the earlier outputs");
        }
      }
      Files.createDirectories(dir);
      return new OutputDirectory(dir);
    } catch (IOException e) {
      throw new OutputException(dir + ": cannot be prepared (" + e + ")", e);
    }
  }

  Path root() {
    return root;
  }

  /** A UTF-8 writer on {@code relative} (with {@code /} separators), parents created. */
  Writer writer(String relative) {
    return new BufferedWriter(new java.io.OutputStreamWriter(stream(relative), StandardCharsets.UTF_8), 1 << 16);
  }

  OutputStream stream(String relative) {
    Path p = root.resolve(relative);
    try {
      Files.createDirectories(p.getParent());
      OutputStream out = Files.newOutputStream(p);
      written.add(relative);
      return out;
    } catch (IOException e) {
      throw failure(relative, e);
    }
  }

  OutputException failure(String relative, IOException e) {
    return new OutputException(root.resolve(relative) + ": cannot be written (" + e + ")", e);
  }

  /** Files written so far, relative, in path order. */
  List<String> written() {
    return List.copyOf(written);
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    Files.walkFileTree(p, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
