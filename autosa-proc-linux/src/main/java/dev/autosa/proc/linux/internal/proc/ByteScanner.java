// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over the bytes of one /proc file, line by line and token by token, that parses
 * unsigned decimal numbers in place. Reused across ticks so parsing allocates nothing.
 *
 * <p>Tokens are separated by spaces and tabs and never span lines. A number that is absent,
 * not all digits or too large for a {@code long} reads as {@link #NONE}: /proc counters are
 * unsigned, so a negative value can carry "no value" without boxing.
 */
final class ByteScanner {

    /** The value of a number that is absent or malformed. */
    static final long NONE = -1;

    private static final byte[] EMPTY = new byte[0];

    private byte[] buf = EMPTY;
    private int limit;
    private int pos;
    private int lineEnd;
    private int nextLineStart;
    private int lineNumber;
    private int tokenStart;
    private int tokenEnd;
    private int lineStart;

    /** Starts over on the first {@code length} bytes of {@code bytes}. */
    void reset(byte[] bytes, int length) {
        buf = bytes;
        limit = length;
        pos = 0;
        lineEnd = 0;
        nextLineStart = 0;
        lineNumber = 0;
        tokenStart = 0;
        tokenEnd = 0;
    }

    /** Starts over on the same input. */
    void rewind() {
        reset(buf, limit);
    }

    /** Moves to the next line; false at the end of the input. */
    boolean nextLine() {
        if (nextLineStart >= limit) {
            return false;
        }
        int i = nextLineStart;
        pos = i;
        lineStart = i;
        while (i < limit && buf[i] != '\n') {
            i++;
        }
        lineEnd = i;
        nextLineStart = i + 1;
        lineNumber++;
        tokenStart = pos;
        tokenEnd = pos;
        return true;
    }

    /** Offset of the current line's first byte (a hint for {@link #seekLine} on the next read). */
    int lineStart() {
        return lineStart;
    }

    /**
     * Jumps to the line that starts at {@code offset}, numbered {@code number}, as if
     * {@link #nextLine()} had just reached it; false (and nothing moves) when no line starts there.
     */
    boolean seekLine(int offset, int number) {
        if (offset < 0 || offset >= limit || (offset > 0 && buf[offset - 1] != '\n')) {
            return false;
        }
        nextLineStart = offset;
        lineNumber = number - 1;
        return nextLine();
    }

    /** One-based number of the current line, for error messages. */
    int lineNumber() {
        return lineNumber;
    }

    /** Moves to the next token of the current line; false when the line has no more. */
    boolean nextToken() {
        while (pos < lineEnd && isBlank(buf[pos])) {
            pos++;
        }
        if (pos >= lineEnd) {
            tokenStart = pos;
            tokenEnd = pos;
            return false;
        }
        tokenStart = pos;
        while (pos < lineEnd && !isBlank(buf[pos])) {
            pos++;
        }
        tokenEnd = pos;
        return true;
    }

    /** Reads the next token as an unsigned decimal number, or {@link #NONE}. */
    long nextLong() {
        if (!nextToken()) {
            return NONE;
        }
        return parseUnsigned(buf, tokenStart, tokenEnd);
    }

    /** Whether the current token is exactly {@code word}. */
    boolean tokenIs(byte[] word) {
        return tokenEnd - tokenStart == word.length && regionEquals(buf, tokenStart, word, 0, word.length);
    }

    /** Whether the current token starts with {@code prefix} (and may be longer). */
    boolean tokenStartsWith(byte[] prefix) {
        return tokenEnd - tokenStart >= prefix.length && regionEquals(buf, tokenStart, prefix, 0, prefix.length);
    }

    /** The current token, after its first {@code skip} bytes, as a number, or {@link #NONE}. */
    long tokenAsLong(int skip) {
        return parseUnsigned(buf, tokenStart + skip, tokenEnd);
    }

    int tokenStart() {
        return tokenStart;
    }

    int tokenEnd() {
        return tokenEnd;
    }

    /** The bytes being scanned; valid between {@link #tokenStart()} and {@link #tokenEnd()}. */
    byte[] buffer() {
        return buf;
    }

    /** Parses {@code bytes[from, to)} as an unsigned decimal; {@link #NONE} if empty, not digits or overflowing. */
    static long parseUnsigned(byte[] bytes, int from, int to) {
        if (from >= to) {
            return NONE;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
                return NONE;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** The bytes of an ASCII constant, for matching keys without Strings at parse time. */
    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static boolean regionEquals(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
        for (int i = 0; i < length; i++) {
            if (a[aFrom + i] != b[bFrom + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
