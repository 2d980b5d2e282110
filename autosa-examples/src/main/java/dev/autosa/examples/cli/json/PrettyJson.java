// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;

/**
 * A JSON tree as {@link Json#PRETTY} prints it (two-space indent, nulls kept, no HTML escaping), for
 * {@code status --json}: building a {@code Gson} and its writer (reflective adapter factories, a
 * regular expression, {@code String.format}) costs a short CLI call more than printing the answer.
 */
public final class PrettyJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PrettyJson() {
    }

    /** {@code e} as {@code Json.PRETTY.toJson(e)} writes it. */
    public static String print(JsonElement e) {
        StringBuilder b = new StringBuilder(4096);
        write(b, e, 0);
        return b.toString();
    }

    private static void write(StringBuilder b, JsonElement e, int depth) {
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.size() == 0) {
                b.append("{}");
                return;
            }
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> m : o.entrySet()) {
                b.append(first ? "\n" : ",\n");
                first = false;
                indent(b, depth + 1);
                string(b, m.getKey());
                b.append(": ");
                write(b, m.getValue(), depth + 1);
            }
            b.append('\n');
            indent(b, depth);
            b.append('}');
        } else if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            if (a.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append('[');
            for (int i = 0; i < a.size(); i++) {
                b.append(i == 0 ? "\n" : ",\n");
                indent(b, depth + 1);
                write(b, a.get(i), depth + 1);
            }
            b.append('\n');
            indent(b, depth);
            b.append(']');
        } else if (e.isJsonNull()) {
            b.append("null");
        } else {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isString()) {
                string(b, p.getAsString());
            } else if (p.isBoolean()) {
                b.append(p.getAsBoolean());
            } else {
                b.append(p.getAsNumber());
            }
        }
    }

    private static void indent(StringBuilder b, int depth) {
        for (int i = 0; i < depth; i++) {
            b.append("  ");
        }
    }

    /** Quoted and escaped as gson's writer does without HTML escaping. */
    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\f' -> b.append("\\f");
                case '\u2028', '\u2029' -> b.append("\\u").append(HEX[c >> 12 & 15]).append(HEX[c >> 8 & 15])
                        .append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
                default -> {
                    if (c < 0x20) {
                        b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
