package io.citytwin.ingest.telemetry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * A token stream that counts nesting itself, so arbitrarily deep input is refused after a few
 * tokens instead of being walked (the parser is iterative; nothing here recurses either).
 */
final class JsonCursor {

    private final JsonParser parser;
    private final int maxDepth;
    private int depth;

    JsonCursor(JsonParser parser, int maxDepth) {
        this.parser = parser;
        this.maxDepth = maxDepth;
    }

    JsonParser parser() {
        return parser;
    }

    /** The next token, or {@code null} at the end of input. */
    JsonToken next() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            if (++depth > maxDepth) {
                throw new PayloadRejected(RejectReason.NESTING_TOO_DEEP,
                        "objects/arrays nest deeper than " + maxDepth + " levels (at byte "
                                + parser.currentTokenLocation().getByteOffset() + ")");
            }
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            depth--;
        }
        return token;
    }

    /** Skips the value whose first token is {@code current} (a scalar or a whole container). */
    void skipValue(JsonToken current) throws IOException {
        if (current == JsonToken.START_OBJECT || current == JsonToken.START_ARRAY) {
            int outside = depth - 1;
            while (depth > outside) {
                next();
            }
        }
    }

    /**
     * Reads whatever is left of the root value, still enforcing syntax and depth, then requires the
     * end of input: a payload is one JSON value, nothing before or after it.
     */
    void finish() throws IOException {
        while (depth > 0) {
            next();
        }
        if (parser.nextToken() != null) {
            throw new PayloadRejected(RejectReason.NOT_JSON, "unexpected content after the JSON value at byte "
                    + parser.currentTokenLocation().getByteOffset());
        }
    }
}
