package io.citytwin.twin.sensor.codec;

import io.citytwin.twin.sensor.SensorInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated fields, double-quoted when they hold commas, quotes or line
 * breaks ({@code ""} is a quote inside), records ended by LF or CRLF. Blank lines are skipped.
 * Input must be UTF-8 (a leading byte-order mark is dropped). Stateless.
 */
final class CsvRecords {
  /**
   * One record.
   *
   * @param line the 1-based line it starts on
   * @param fields its fields, unquoted
   */
  record Row(int line, List<String> fields) {}

  private CsvRecords() {}

  static String decodeUtf8(InputStream in, String source) {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new SensorInputException(source, null, null, "cannot read: " + e.getMessage(), e);
    }
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer src = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = dec.decode(src, out, true);
    if (!r.isError()) {
      r = dec.flush(out);
    }
    if (r.isError()) {
      throw new SensorInputException(
          source, null, null, "not UTF-8 text: invalid byte sequence at byte " + src.position());
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static List<Row> parse(String text, String source) {
    return new Parser(text, source).rows();
  }

  /** One pass over the text; a small state machine (in quotes, just after a closing quote). */
  private static final class Parser {
    private final String text;
    private final String source;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private boolean inQuotes;
    private boolean afterQuote;
    private boolean rowQuoted;
    private int line = 1;
    private int rowLine = 1;
    private int quoteLine;

    Parser(String text, String source) {
      this.text = text;
      this.source = source;
    }

    List<Row> rows() {
      int n = text.length();
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (inQuotes) {
          if (c != '"') {
            line += c == '\n' ? 1 : 0;
            field.append(c);
          } else if (i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            inQuotes = false;
            afterQuote = true;
          }
        } else if (c == ',') {
          endField();
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
            i++;
          }
          endRow();
          line++;
          rowLine = line;
        } else if (afterQuote) {
          throw fail("unexpected " + SensorFields.quote(String.valueOf(c)) + " after a closing quote");
        } else if (c == '"') {
          if (field.length() > 0) {
            throw fail("a quote inside an unquoted field (quote the whole field and double the quote)");
          }
          inQuotes = true;
          rowQuoted = true;
          quoteLine = line;
        } else {
          field.append(c);
        }
      }
      if (inQuotes) {
        throw new SensorInputException(source, "line " + quoteLine, null, "quoted field is not closed");
      }
      endRow();
      return rows;
    }

    private SensorInputException fail(String problem) {
      return new SensorInputException(source, "line " + line, null, problem);
    }

    private void endField() {
      fields.add(field.toString());
      field.setLength(0);
      afterQuote = false;
    }

    private void endRow() {
      endField();
      boolean blank = fields.size() == 1 && fields.get(0).isEmpty() && !rowQuoted;
      if (!blank) {
        rows.add(new Row(rowLine, List.copyOf(fields)));
      }
      fields.clear();
      rowQuoted = false;
    }
  }

  /** One field as written: quoted when it needs to be. */
  static String escape(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
