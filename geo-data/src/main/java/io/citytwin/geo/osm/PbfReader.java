package io.citytwin.geo.osm;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import crosby.binary.BinaryParser;
import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import io.citytwin.geo.GisInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads an {@code .osm.pbf} stream. The blob framing is read here rather than by osmpbf's {@code
 * BlockInputStream}, because that class treats any end of file (also one in the middle of a blob)
 * as a normal end and would hand back a partial file. Every blob is length-checked and its zlib
 * stream verified (Adler-32), so truncated or corrupted input fails with a {@link
 * GisInputException}. A cut exactly between two blobs cannot be told apart from a shorter file;
 * a file must however hold a header and at least one data blob.
 */
final class PbfReader {
  private static final int MAX_HEADER = 64 * 1024;
  private static final int MAX_BLOB = 32 * 1024 * 1024;
  private static final Set<String> SUPPORTED_FEATURES = Set.of("OsmSchema-V0.6", "DenseNodes");

  private final String source;
  private final OsmDataBuilder out;
  private long offset;

  private PbfReader(String source) {
    this.source = source;
    this.out = new OsmDataBuilder(source);
  }

  static OsmData read(InputStream in, String source) throws IOException {
    return new PbfReader(source).readAll(in);
  }

  private OsmData readAll(InputStream in) throws IOException {
    Parser parser = new Parser();
    boolean header = false;
    int dataBlobs = 0;
    while (true) {
      long blobStart = offset;
      byte[] len = new byte[4];
      int got = readUpTo(in, len);
      if (got == 0) {
        break;
      }
      if (got < 4) {
        throw fail("truncated PBF: blob length at byte " + blobStart + " is cut off");
      }
      int headerLen = ((len[0] & 0xff) << 24) | ((len[1] & 0xff) << 16) | ((len[2] & 0xff) << 8) | (len[3] & 0xff);
      if (headerLen <= 0 || headerLen > MAX_HEADER) {
        throw fail("corrupt PBF: blob header length " + headerLen + " at byte " + blobStart + " is not plausible");
      }
      Fileformat.BlobHeader bh = parseHeader(readExactly(in, headerLen, "blob header", blobStart), blobStart);
      if (bh.getDatasize() <= 0 || bh.getDatasize() > MAX_BLOB) {
        throw fail("corrupt PBF: blob size " + bh.getDatasize() + " at byte " + blobStart + " is not plausible");
      }
      byte[] payload = inflate(readExactly(in, bh.getDatasize(), "blob", blobStart), blobStart);
      switch (bh.getType()) {
        case "OSMHeader" -> {
          checkHeader(payload, blobStart);
          header = true;
        }
        case "OSMData" -> {
          if (!header) {
            throw fail("corrupt PBF: data blob at byte " + blobStart + " before the OSMHeader blob");
          }
          parseData(parser, payload, blobStart);
          dataBlobs++;
        }
        default -> throw fail("corrupt PBF: unknown blob type '" + printable(bh.getType()) + "' at byte " + blobStart);
      }
    }
    if (!header) {
      throw fail(offset == 0 ? "empty file, not a PBF" : "corrupt PBF: no OSMHeader blob");
    }
    if (dataBlobs == 0) {
      throw fail("truncated PBF: header only, no data blobs");
    }
    return out.build();
  }

  private Fileformat.BlobHeader parseHeader(byte[] bytes, long at) {
    try {
      Fileformat.BlobHeader bh = Fileformat.BlobHeader.parseFrom(bytes);
      if (!bh.hasType() || !bh.hasDatasize()) {
        throw fail("corrupt PBF: blob header at byte " + at + " lacks type or size");
      }
      return bh;
    } catch (InvalidProtocolBufferException e) {
      throw fail("corrupt PBF: unreadable blob header at byte " + at, e);
    }
  }

  private byte[] inflate(byte[] blobBytes, long at) {
    Fileformat.Blob blob;
    try {
      blob = Fileformat.Blob.parseFrom(blobBytes);
    } catch (InvalidProtocolBufferException e) {
      throw fail("corrupt PBF: unreadable blob at byte " + at, e);
    }
    if (blob.hasRaw()) {
      return blob.getRaw().toByteArray();
    }
    if (!blob.hasZlibData()) {
      throw fail("unsupported PBF compression in blob at byte " + at + " (only raw and zlib are read)");
    }
    int rawSize = blob.getRawSize();
    if (rawSize <= 0 || rawSize > MAX_BLOB) {
      throw fail("corrupt PBF: blob at byte " + at + " declares raw size " + rawSize);
    }
    ByteString zlib = blob.getZlibData();
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(zlib.toByteArray());
      byte[] raw = new byte[rawSize + 1];
      int n = 0;
      while (n < raw.length && !inflater.finished()) {
        int k = inflater.inflate(raw, n, raw.length - n);
        if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += k;
      }
      if (n != rawSize || !inflater.finished()) {
        throw fail("corrupt PBF: blob at byte " + at + " inflates to " + n + " bytes, expected " + rawSize);
      }
      return java.util.Arrays.copyOf(raw, rawSize);
    } catch (DataFormatException e) {
      throw fail("corrupt PBF: bad zlib data in blob at byte " + at + " (" + e.getMessage() + ")", e);
    } finally {
      inflater.end();
    }
  }

  private void checkHeader(byte[] payload, long at) {
    Osmformat.HeaderBlock hb;
    try {
      hb = Osmformat.HeaderBlock.parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      throw fail("corrupt PBF: unreadable OSMHeader at byte " + at, e);
    }
    for (String feature : hb.getRequiredFeaturesList()) {
      if (!SUPPORTED_FEATURES.contains(feature)) {
        throw fail("unsupported PBF feature '" + feature + "' (history files are not read)");
      }
    }
  }

  private void parseData(Parser parser, byte[] payload, long at) {
    Osmformat.PrimitiveBlock block;
    try {
      block = Osmformat.PrimitiveBlock.parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      throw fail("corrupt PBF: unreadable data block at byte " + at, e);
    }
    try {
      parser.parse(block);
    } catch (GisInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw fail("corrupt PBF: inconsistent data block at byte " + at + " (" + e + ")", e);
    }
  }

  private int readUpTo(InputStream in, byte[] buf) throws IOException {
    int n = in.readNBytes(buf, 0, buf.length);
    offset += n;
    return n;
  }

  private byte[] readExactly(InputStream in, int len, String what, long blobStart) throws IOException {
    byte[] buf = new byte[len];
    int n = readUpTo(in, buf);
    if (n < len) {
      throw fail(
          "truncated PBF: " + what + " of the blob at byte " + blobStart + " needs " + len + " bytes, only " + n + " left");
    }
    return buf;
  }

  private GisInputException fail(String problem) {
    return new GisInputException(source, problem);
  }

  private GisInputException fail(String problem, Throwable cause) {
    return new GisInputException(source, problem, cause);
  }

  private static String printable(String s) {
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }

  /** Decodes one primitive block into the builder; BinaryParser handles granularity and strings. */
  private final class Parser extends BinaryParser {
    @Override
    protected void parseDense(Osmformat.DenseNodes dense) {
      long id = 0;
      long lat = 0;
      long lon = 0;
      int kv = 0;
      boolean hasTags = dense.getKeysValsCount() > 0;
      for (int i = 0; i < dense.getIdCount(); i++) {
        id += dense.getId(i);
        lat += dense.getLat(i);
        lon += dense.getLon(i);
        Map<String, String> tags = new HashMap<>();
        if (hasTags) {
          while (dense.getKeysVals(kv) != 0) {
            tags.put(str(dense.getKeysVals(kv)), str(dense.getKeysVals(kv + 1)));
            kv += 2;
          }
          kv++;
        }
        out.node(id, parseLon(lon), parseLat(lat), tags);
      }
    }

    @Override
    protected void parseNodes(List<Osmformat.Node> nodes) {
      for (Osmformat.Node n : nodes) {
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < n.getKeysCount(); i++) {
          tags.put(str(n.getKeys(i)), str(n.getVals(i)));
        }
        out.node(n.getId(), parseLon(n.getLon()), parseLat(n.getLat()), tags);
      }
    }

    @Override
    protected void parseWays(List<Osmformat.Way> ways) {
      for (Osmformat.Way w : ways) {
        long[] refs = new long[w.getRefsCount()];
        long ref = 0;
        for (int i = 0; i < refs.length; i++) {
          ref += w.getRefs(i);
          refs[i] = ref;
        }
        out.way(w.getId(), refs, tags(w.getKeysList(), w.getValsList()));
      }
    }

    @Override
    protected void parseRelations(List<Osmformat.Relation> relations) {
      for (Osmformat.Relation r : relations) {
        List<OsmRelation.Member> members = new ArrayList<>(r.getMemidsCount());
        long ref = 0;
        for (int i = 0; i < r.getMemidsCount(); i++) {
          ref += r.getMemids(i);
          String type =
              switch (r.getTypes(i)) {
                case NODE -> "node";
                case WAY -> "way";
                case RELATION -> "relation";
              };
          members.add(new OsmRelation.Member(type, ref, str(r.getRolesSid(i))));
        }
        out.relation(r.getId(), members, tags(r.getKeysList(), r.getValsList()));
      }
    }

    @Override
    protected void parse(Osmformat.HeaderBlock header) {
      // Checked in checkHeader before any data block is read.
    }

    @Override
    public void complete() {
      // Framing is driven by PbfReader.readAll, not by BlockInputStream.
    }

    private Map<String, String> tags(List<Integer> keys, List<Integer> vals) {
      if (keys.size() != vals.size()) {
        throw new IllegalStateException("tag keys and values differ in number");
      }
      Map<String, String> tags = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        tags.put(str(keys.get(i)), str(vals.get(i)));
      }
      return tags;
    }

    private String str(int id) {
      return out.intern(getStringById(id));
    }
  }
}
