// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a configuration file's text, and only a plausible one: a regular file (a FIFO would hang
 * the read, a device such as {@code /dev/zero} never ends) of at most {@link #MAX_SIZE} bytes,
 * checked by reading at most one byte more (a size from {@code stat} means nothing for a device
 * or {@code /proc} file), in UTF-8. Every refusal says why and names the file (and the line of
 * a byte that is not UTF-8).
 */
final class ConfigReader {

    static final int MAX_SIZE = 1 << 20;

    private ConfigReader() {
    }

    /** The file's text; throws a usage error (exit 2) naming the file and the reason. */
    static String read(Path path) {
        byte[] bytes;
        try {
            // Follows a link on purpose (a config may be a link into /etc), but looks before opening.
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                throw CliException.usage("configuration file " + path + " is " + (a.isDirectory() ? "a directory"
                        : "not a regular file (a device, FIFO or socket)") + "; give a text file");
            }
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes(MAX_SIZE + 1);
            }
        } catch (NoSuchFileException e) {
            throw CliException.usage("configuration file " + path + " not found");
        } catch (AccessDeniedException e) {
            throw CliException.usage("cannot read configuration file " + path + ": permission denied (for uid "
                    + Uid.effective() + ")");
        } catch (FileSystemException e) {
            throw CliException.usage("cannot read configuration file " + path + ": "
                    + (e.getReason() != null ? e.getReason() : e.getMessage()));
        } catch (IOException e) {
            throw CliException.usage("cannot read configuration file " + path + ": " + e.getMessage());
        }
        if (bytes.length > MAX_SIZE) {
            throw CliException.usage("configuration file " + path + " is larger than " + MAX_SIZE
                    + " bytes; not a configuration file");
        }
        return decode(path, bytes);
    }

    /** Strict UTF-8; a bad byte is reported with its line, as a parse error would be. */
    static String decode(Path path, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw CliException.usage(path + ":" + line + ": not UTF-8 text (byte 0x"
                    + Integer.toHexString(bytes[at] & 0xff) + " at offset " + at + "); save the file as UTF-8");
        }
        return out.flip().toString();
    }
}
