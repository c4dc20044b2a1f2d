package io.citytwin.ingest.telemetry;

/** Renders untrusted input safely into rejection details: bounded length, printable ASCII only. */
final class Details {

    private static final int MAX_QUOTED = 48;

    private Details() {
    }

    /** {@code 'text'}, truncated, with non-printable characters shown as {@code ?}. */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        int n = Math.min(text.length(), MAX_QUOTED);
        StringBuilder sb = new StringBuilder(n + 8).append('\'');
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (text.length() > MAX_QUOTED) {
            sb.append("...(").append(text.length()).append(" chars)");
        }
        return sb.append('\'').toString();
    }

    static String describeChar(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
