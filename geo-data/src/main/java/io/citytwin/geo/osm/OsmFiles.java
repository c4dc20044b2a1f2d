package io.citytwin.geo.osm;

import io.citytwin.geo.GisInputException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Entry point for reading OSM files: {@code .osm.pbf}, {@code .osm} (XML) and {@code .osm.gz}
 * (gzipped XML). The format is chosen from the first bytes (gzip magic, {@code <}, else PBF), so a
 * misnamed file still reads; the extension only serves messages. Blocking; call off the event loop.
 */
public final class OsmFiles {
  private OsmFiles() {}

  /** The supported formats. */
  public enum Format {
    PBF,
    XML,
    XML_GZ
  }

  /**
   * Reads a whole OSM file.
   *
   * @throws GisInputException when the file is missing, unreadable, truncated or malformed; the
   *     message names the file
   */
  public static OsmData read(Path file) {
    String name = file.getFileName().toString();
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, name);
    } catch (NoSuchFileException e) {
      throw new GisInputException(name, "file not found (" + file + ")", e);
    } catch (IOException e) {
      throw new GisInputException(name, "cannot read file: " + e.getMessage(), e);
    }
  }

  /** Reads an OSM stream, detecting its format from its first bytes; the stream is not closed. */
  public static OsmData read(InputStream raw, String sourceName) {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    try {
      Format format = detect(in, sourceName);
      return switch (format) {
        case PBF -> PbfReader.read(in, sourceName);
        case XML -> OsmXmlReader.read(in, sourceName);
        case XML_GZ -> OsmXmlReader.read(new GZIPInputStream(in, 1 << 16), sourceName);
      };
    } catch (EOFException e) {
      throw new GisInputException(sourceName, "truncated file: " + e.getMessage(), e);
    } catch (ZipException e) {
      throw new GisInputException(sourceName, "corrupt gzip data: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new GisInputException(sourceName, "cannot read: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new GisInputException(sourceName, "cannot read: " + e.getCause().getMessage(), e);
    }
  }

  /** Guesses the format from a file name alone, for messages and CLI help. */
  public static boolean looksLikeOsm(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".osm.pbf") || n.endsWith(".pbf") || n.endsWith(".osm") || n.endsWith(".osm.gz");
  }

  static Format detect(BufferedInputStream in, String sourceName) throws IOException {
    in.mark(64);
    byte[] head = in.readNBytes(64);
    in.reset();
    if (head.length == 0) {
      throw new GisInputException(sourceName, "empty file");
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return Format.XML_GZ;
    }
    for (byte b : head) {
      if (b == '<') {
        return Format.XML;
      }
      if (!Character.isWhitespace(b) && (b & 0xff) != 0xef && (b & 0xff) != 0xbb && (b & 0xff) != 0xbf) {
        break;
      }
    }
    return Format.PBF;
  }
}
