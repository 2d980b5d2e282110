// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the output of {@code autosa replay DIR --json}: one flat JSON object per line with
 * {@code t_ms}, {@code workload}, {@code confidence}, {@code recommended} and {@code action}
 * (other fields are ignored), so the scorer can score a replay made by the CLI.
 */
public final class ReplayJson {

    private ReplayJson() {
    }

    public static List<TickRow> read(Path file) throws IOException {
        List<TickRow> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                rows.add(parseRow(line));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    static TickRow parseRow(String line) {
        Map<String, @Nullable Object> o = parseFlatObject(line);
        Object t = require(o, "t_ms");
        Object w = require(o, "workload");
        Object c = require(o, "confidence");
        Object a = require(o, "action");
        Object rec = o.get("recommended");
        if (!(t instanceof Double) || !(c instanceof Double) || !(w instanceof String) || !(a instanceof String)) {
            throw new IllegalArgumentException("t_ms and confidence must be numbers, workload and action strings");
        }
        return new TickRow(((Double) t).longValue(), (String) w, (Double) c, (String) a,
                rec instanceof String s ? s : null);
    }

    private static Object require(Map<String, @Nullable Object> o, String key) {
        Object v = o.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing field \"" + key + "\"");
        }
        return v;
    }

    /** Parses {"k": "string" | number | true | false | null, ...}; nested values are refused. */
    static Map<String, @Nullable Object> parseFlatObject(String s) {
        Map<String, @Nullable Object> out = new HashMap<>();
        int[] pos = {skip(s, 0)};
        expect(s, pos, '{');
        if (peek(s, pos) == '}') {
            return out;
        }
        while (true) {
            String key = string(s, pos);
            expect(s, pos, ':');
            char c = peek(s, pos);
            Object value;
            if (c == '"') {
                value = string(s, pos);
            } else if (s.startsWith("null", pos[0])) {
                value = null;
                pos[0] += 4;
            } else if (s.startsWith("true", pos[0]) || s.startsWith("false", pos[0])) {
                value = s.startsWith("true", pos[0]);
                pos[0] += (Boolean) value ? 4 : 5;
            } else {
                int start = pos[0];
                while (pos[0] < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos[0])) >= 0) {
                    pos[0]++;
                }
                try {
                    value = Double.parseDouble(s.substring(start, pos[0]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad value for \"" + key + "\" at column " + (start + 1), e);
                }
            }
            out.put(key, value);
            pos[0] = skip(s, pos[0]);
            if (peek(s, pos) == ',') {
                pos[0]++;
                continue;
            }
            expect(s, pos, '}');
            return out;
        }
    }

    private static String string(String s, int[] pos) {
        expect(s, pos, '"');
        StringBuilder b = new StringBuilder();
        int i = pos[0];
        while (i < s.length() && s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c == '\\' && i < s.length()) {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw new IllegalArgumentException("truncated \\u escape at column " + i);
                        }
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        if (i >= s.length()) {
            throw new IllegalArgumentException("unterminated string");
        }
        pos[0] = skip(s, i + 1);
        return b.toString();
    }

    private static char peek(String s, int[] pos) {
        pos[0] = skip(s, pos[0]);
        if (pos[0] >= s.length()) {
            throw new IllegalArgumentException("unexpected end of line");
        }
        return s.charAt(pos[0]);
    }

    private static void expect(String s, int[] pos, char c) {
        if (peek(s, pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at column " + (pos[0] + 1));
        }
        pos[0] = skip(s, pos[0] + 1);
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
