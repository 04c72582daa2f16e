package com.liminaltransit.narrative.chain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedMetricsTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final EmbeddedMetrics emf =
            new EmbeddedMetrics("LiminalTransit/test", new PrintStream(stdout, true, StandardCharsets.UTF_8));

    @Test
    void failedProviderCallIsOneEmfLineTheAlarmsCanRead() {
        emf.providerCall("bedrock", true);

        JsonObject line = onlyLine();
        JsonObject directive =
                line.getJsonObject("_aws").getJsonArray("CloudWatchMetrics").getJsonObject(0);
        assertThat(directive.getString("Namespace")).isEqualTo("LiminalTransit/test");
        assertThat(directive.getJsonArray("Dimensions").toString()).isEqualTo("[[],[\"Provider\"]]");
        assertThat(directive.getJsonArray("Metrics").getValuesAs(JsonObject.class))
                .extracting(m -> m.getString("Name"))
                .containsExactlyInAnyOrder("AiCalls", "AiFailures");
        assertThat(line.getInt("AiCalls")).isEqualTo(1);
        assertThat(line.getInt("AiFailures")).isEqualTo(1);
        assertThat(line.getString("Provider")).isEqualTo("bedrock");
        assertThat(line.getJsonObject("_aws").getJsonNumber("Timestamp").longValue())
                .isPositive();
    }

    @Test
    void stepLatencyIsPublishedInMilliseconds() {
        emf.step("offline", 42);

        JsonObject line = onlyLine();
        assertThat(line.getInt("StepLatency")).isEqualTo(42);
        assertThat(line.getJsonObject("_aws")
                        .getJsonArray("CloudWatchMetrics")
                        .getJsonObject(0)
                        .getJsonArray("Metrics")
                        .getJsonObject(0)
                        .getString("Unit"))
                .isEqualTo("Milliseconds");
    }

    private JsonObject onlyLine() {
        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        try (var reader = Json.createReader(new StringReader(lines.getFirst()))) {
            return reader.readObject();
        }
    }
}
