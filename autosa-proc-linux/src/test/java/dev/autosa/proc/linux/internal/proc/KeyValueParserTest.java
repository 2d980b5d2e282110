// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The remembered-offset fast path gives the same answers as a full scan, and falls back when keys move. */
class KeyValueParserTest {

    private final ByteScanner scanner = new ByteScanner();
    private final List<String> problems = new ArrayList<>();
    private final KeyValueParser parser = new KeyValueParser("pgfault", "pgmajfault");

    private void parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        scanner.reset(b, b.length);
        parser.parse(scanner, (line, reason) -> problems.add(line + ": " + reason));
    }

    @Test
    void secondReadOfTheSameLayoutFindsNewValues() {
        parse("nr_free 5\npgfault 100\npgmajfault 7\n");
        parse("nr_free 6\npgfault 250\npgmajfault 9\n");
        assertThat(parser.value(0)).isEqualTo(250);
        assertThat(parser.value(1)).isEqualTo(9);
        assertThat(parser.line(0)).isEqualTo(2);
        assertThat(problems).isEmpty();
    }

    @Test
    void keysThatMovedAreFoundByTheFullScan() {
        parse("nr_free 5\npgfault 100\npgmajfault 7\n");
        // A longer first value shifts every offset; a new line shifts the line numbers.
        parse("nr_free 123456\nnr_new 1\npgmajfault 8\npgfault 300\n");
        assertThat(parser.value(0)).isEqualTo(300);
        assertThat(parser.value(1)).isEqualTo(8);
        assertThat(parser.line(0)).isEqualTo(4);
        assertThat(problems).isEmpty();
    }

    @Test
    void aValueThatBecameGarbageIsReportedAsBefore() {
        parse("pgfault 100\npgmajfault 7\n");
        parse("pgfault 1x0\npgmajfault 7\n");
        assertThat(parser.value(0)).isEqualTo(ByteScanner.NONE);
        assertThat(problems).containsExactly("1: pgfault is missing its value or it is not a number");
        parse("pgmajfault 7\n");
        assertThat(problems).contains("0: no pgfault line");
    }
}
