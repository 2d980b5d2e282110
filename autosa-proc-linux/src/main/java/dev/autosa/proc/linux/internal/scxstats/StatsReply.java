// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scxstats;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a scx_stats reply, {@code {"errno":0,"args":{"resp":{...}}}}, into the numeric fields at
 * the top of {@code resp}. A small bounded parser instead of a JSON library: the module has no
 * dependencies but the API and SLF4J, the input is at most a few KiB of one known shape, and every
 * bound (nesting, fields, name length) is checked here. Nested objects and arrays (per-domain or
 * per-layer detail) are parsed and skipped; strings are skipped; {@code true}/{@code false} read
 * as 1/0.
 */
public final class StatsReply {

    /** Deeper nesting than this is refused (a recursive parser must not overflow the stack). */
    public static final int MAX_DEPTH = 32;
    /** At most this many fields are kept; the rest are ignored. */
    public static final int MAX_FIELDS = 64;
    /** Field names are kept to this length so {@code scx.<name>} is a valid metric key. */
    public static final int MAX_NAME = 60;

    private final byte[] in;
    private final int end;
    private int pos;

    private StatsReply(byte[] in, int length) {
        this.in = in;
        this.end = length;
    }

    /**
     * The numeric fields of the reply's {@code args.resp}, names lower-cased with characters a
     * metric key cannot hold replaced by {@code _}.
     *
     * @throws IllegalArgumentException for malformed JSON, a non-zero errno, or no {@code args.resp} object
     */
    public static Map<String, Double> parse(byte[] bytes, int length) {
        StatsReply p = new StatsReply(bytes, length);
        Map<String, Double> out = new LinkedHashMap<>();
        p.reply(out);
        return out;
    }

    private void reply(Map<String, Double> out) {
        double errno = 0;
        boolean sawResp = false;
        expect('{');
        if (!peekIs('}')) {
            do {
                String key = string();
                expect(':');
                if (key.equals("errno")) {
                    errno = number();
                } else if (key.equals("args") && peekIs('{')) {
                    sawResp |= args(out);
                } else {
                    skipValue(1);
                }
            } while (comma());
        }
        expect('}');
        ws();
        if (pos != end) {
            throw error("text after the reply");
        }
        if (errno != 0) {
            throw new IllegalArgumentException("the scheduler answered errno " + (long) errno);
        }
        if (!sawResp) {
            throw new IllegalArgumentException("the reply has no args.resp object");
        }
    }

    private boolean args(Map<String, Double> out) {
        boolean sawResp = false;
        expect('{');
        if (!peekIs('}')) {
            do {
                String key = string();
                expect(':');
                if (key.equals("resp") && peekIs('{')) {
                    fields(out);
                    sawResp = true;
                } else {
                    skipValue(2);
                }
            } while (comma());
        }
        expect('}');
        return sawResp;
    }

    private void fields(Map<String, Double> out) {
        expect('{');
        if (!peekIs('}')) {
            do {
                String key = string();
                expect(':');
                ws();
                char c = peek();
                if (c == '-' || (c >= '0' && c <= '9')) {
                    put(out, key, number());
                } else if (c == 't' || c == 'f') {
                    put(out, key, literal() ? 1 : 0);
                } else {
                    skipValue(3);
                }
            } while (comma());
        }
        expect('}');
    }

    private static void put(Map<String, Double> out, String key, double value) {
        String name = name(key);
        if (name.isEmpty() || out.size() >= MAX_FIELDS || Double.isNaN(value) || Double.isInfinite(value)) {
            return;
        }
        out.putIfAbsent(name, value);
    }

    /** {@code nr_queued-Tasks} → {@code nr_queued-tasks}; anything but a-z, 0-9, '_' and '-' becomes '_'. */
    static String name(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(Math.min(lower.length(), MAX_NAME));
        for (int i = 0; i < lower.length() && b.length() < MAX_NAME; i++) {
            char c = lower.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            b.append(ok ? c : '_');
        }
        return b.toString();
    }

    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        ws();
        char c = peek();
        switch (c) {
            case '{' -> {
                pos++;
                if (!peekIs('}')) {
                    do {
                        string();
                        expect(':');
                        skipValue(depth + 1);
                    } while (comma());
                }
                expect('}');
            }
            case '[' -> {
                pos++;
                if (!peekIs(']')) {
                    do {
                        skipValue(depth + 1);
                    } while (comma());
                }
                expect(']');
            }
            case '"' -> string();
            case 't', 'f' -> literal();
            case 'n' -> word("null");
            default -> number();
        }
    }

    private String string() {
        ws();
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= end) {
                throw error("unterminated string");
            }
            byte c = in[pos++];
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                if (pos >= end) {
                    throw error("unterminated escape");
                }
                byte e = in[pos++];
                switch (e) {
                    case 'u' -> {
                        if (pos + 4 > end) {
                            throw error("short \\u escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(new String(in, pos, 4, StandardCharsets.US_ASCII), 16));
                        } catch (NumberFormatException x) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case '"', '\\', '/' -> b.append((char) e);
                    default -> throw error("bad escape \\" + (char) e);
                }
            } else if ((c & 0xff) < 0x20) {
                throw error("control character in a string");
            } else {
                // Non-ASCII bytes are kept as Latin-1: names are sanitized to ASCII anyway.
                b.append((char) (c & 0xff));
            }
        }
    }

    private double number() {
        ws();
        int start = pos;
        while (pos < end) {
            byte c = in[pos];
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
                pos++;
            } else {
                break;
            }
        }
        if (start == pos || pos - start > 40) {
            throw error("expected a number");
        }
        try {
            return Double.parseDouble(new String(in, start, pos - start, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw error("expected a number");
        }
    }

    private boolean literal() {
        ws();
        if (peek() == 't') {
            word("true");
            return true;
        }
        word("false");
        return false;
    }

    private void word(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (pos >= end || in[pos] != w.charAt(i)) {
                throw error("expected " + w);
            }
            pos++;
        }
    }

    private boolean comma() {
        ws();
        if (pos < end && in[pos] == ',') {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        ws();
        if (pos >= end || in[pos] != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private boolean peekIs(char c) {
        ws();
        return pos < end && in[pos] == c;
    }

    private char peek() {
        if (pos >= end) {
            throw error("unexpected end");
        }
        return (char) (in[pos] & 0xff);
    }

    private void ws() {
        while (pos < end && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("malformed scx_stats reply at byte " + pos + ": " + what);
    }
}
