// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The control protocol's request side: one line of UTF-8 JSON, an object with a {@code "cmd"}
 * string. Whatever the bytes, {@link #parse} returns a request or the one-line reason it is
 * malformed; it never throws (the property test in the tests holds it to that).
 */
public final class ControlProtocol {

    private ControlProtocol() {
    }

    /** A request line parsed: either {@code body} and {@code cmd}, or {@code error}. */
    public record Parsed(@Nullable JsonObject body, @Nullable String cmd, @Nullable String error) {

        static Parsed ok(JsonObject body, String cmd) {
            return new Parsed(body, cmd, null);
        }

        static Parsed malformed(String why) {
            return new Parsed(null, null, "malformed request: " + why);
        }
    }

    /** Parses {@code bytes[0, length)}, the request without its newline. */
    public static Parsed parse(byte[] bytes, int length) {
        String line;
        try {
            line = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return Parsed.malformed("not UTF-8 text");
        }
        try {
            JsonElement e = JsonParser.parseString(line);
            if (!e.isJsonObject() || !e.getAsJsonObject().has("cmd") || !e.getAsJsonObject().get("cmd").isJsonPrimitive()) {
                return Parsed.malformed("expected an object with a \"cmd\" string, e.g. {\"cmd\":\"status\"}");
            }
            JsonObject request = e.getAsJsonObject();
            return Parsed.ok(request, request.get("cmd").getAsString());
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                | NumberFormatException e) {
            return Parsed.malformed(firstLine(e.getMessage()));
        } catch (StackOverflowError e) {
            // Deep nesting past the parser's own limit must not take the socket thread down.
            return Parsed.malformed("nested too deeply");
        }
    }

    /** An answer that refuses a request. */
    public static JsonObject error(String message) {
        JsonObject o = new JsonObject();
        o.addProperty("ok", false);
        o.addProperty("error", message);
        return o;
    }

    static String firstLine(@Nullable String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
