// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's embedding example is the code in {@link ReadmeExample}, and it runs on this machine. */
class ReadmeExampleTest {

    private static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
    }

    @Test
    void readmeShowsExactlyTheCompiledExample() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Embedding");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        int end = readme.indexOf("```\n", start);
        List<String> shown = stripped(readme.substring(start, end).lines().collect(Collectors.toList()));

        String source = Files.readString(Path.of("src/test/java/dev/autosa/examples/ReadmeExample.java"));
        String body = source.substring(source.indexOf("// --- README begin") + "// --- README begin".length(),
                source.indexOf("// --- README end"));
        assertThat(shown).isNotEmpty().isEqualTo(stripped(body.lines().collect(Collectors.toList())));
    }

    @Test
    void theExampleRunsOnThisMachine() {
        // Live /proc through the discovered ProcMetricSource; recommend mode needs no sched_ext.
        assertThatCode(ReadmeExample::embed).doesNotThrowAnyException();
    }
}
