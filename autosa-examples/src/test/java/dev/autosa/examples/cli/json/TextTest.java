// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code status} and {@code list} as people read them, on a status with every part present (a switch
 * in progress, failures, scx_stats, an experiment and its history). The expected text was printed by
 * the renderer that used {@code String.format}, so the hand-made formats change nothing.
 */
class TextTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = TextTest.class.getResourceAsStream("/text/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonObject json(String name) throws IOException {
        return JsonParser.parseString(resource(name)).getAsJsonObject();
    }

    @Test
    void statusPrintsEveryPartAsBefore() throws IOException {
        assertThat(Text.status(json("status.json"))).isEqualTo(resource("status.txt"));
    }

    @Test
    void listPrintsItsColumnsAsBefore() throws IOException {
        assertThat(Text.list(json("list.json"))).isEqualTo(resource("list.txt"));
    }
}
