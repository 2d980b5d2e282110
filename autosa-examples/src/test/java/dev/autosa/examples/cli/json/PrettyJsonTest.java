// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code status --json} prints exactly what gson's pretty printer printed. */
class PrettyJsonTest {

    private static JsonElement resource(String name) throws IOException {
        try (InputStream in = PrettyJsonTest.class.getResourceAsStream("/text/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aWholeStatusAndCatalogAsGsonPrintsThem() throws IOException {
        for (String name : new String[] {"status.json", "list.json"}) {
            JsonElement e = resource(name);
            assertThat(PrettyJson.print(e)).as(name).isEqualTo(Json.PRETTY.toJson(e));
        }
    }

    @Test
    void escapesNumbersAndEmptyContainersAsGsonPrintsThem() {
        JsonObject o = new JsonObject();
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        all.append("é€\u2028\u2029\uD83D\uDE00<>&='");
        o.addProperty("every char", all.toString());
        o.addProperty("key \"quoted\"\n", "v");
        o.addProperty("int", 42);
        o.addProperty("long", Long.MIN_VALUE);
        o.addProperty("double", 0.1 + 0.2);
        o.addProperty("big", new BigDecimal("1e400"));
        o.addProperty("true", true);
        o.add("null", JsonNull.INSTANCE);
        o.add("empty object", new JsonObject());
        o.add("empty array", new JsonArray());
        JsonArray nested = new JsonArray();
        nested.add(new JsonArray());
        nested.add(new JsonObject());
        nested.add(1.5);
        nested.add("x");
        nested.add(JsonNull.INSTANCE);
        o.add("nested", nested);
        o.add("parsed", JsonParser.parseString("{\"n\": 1.50e3, \"m\": -0, \"a\": [[], {\"b\": []}]}"));
        assertThat(PrettyJson.print(o)).isEqualTo(Json.PRETTY.toJson(o));
        assertThat(PrettyJson.print(new JsonArray())).isEqualTo(Json.PRETTY.toJson(new JsonArray()));
        assertThat(PrettyJson.print(JsonNull.INSTANCE)).isEqualTo(Json.PRETTY.toJson(JsonNull.INSTANCE));
    }
}
