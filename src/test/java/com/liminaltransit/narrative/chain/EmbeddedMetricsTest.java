package com.liminaltransit.narrative.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.CallOutcome;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.persistence.Database;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddedMetricsTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final EmbeddedMetrics emf = new EmbeddedMetrics(
            Optional.of("LiminalTransit/test"), new PrintStream(stdout, true, StandardCharsets.UTF_8));

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

    @Test
    void aPaidCallIsOneCostLineInDollarsThatTheBudgetAlarmSums() {
        emf.cost("bedrock", 0.0125);

        JsonObject line = onlyLine();
        JsonObject directive =
                line.getJsonObject("_aws").getJsonArray("CloudWatchMetrics").getJsonObject(0);
        assertThat(line.getJsonNumber("AiCostUsd").doubleValue()).isEqualTo(0.0125);
        assertThat(line.getString("Provider")).isEqualTo("bedrock");
        assertThat(directive.getJsonArray("Dimensions").toString()).isEqualTo("[[],[\"Provider\"]]");
        assertThat(directive.getJsonArray("Metrics").getJsonObject(0).getString("Name"))
                .isEqualTo("AiCostUsd");
        assertThat(directive.getJsonArray("Metrics").getJsonObject(0).getString("Unit"))
                .isEqualTo("None");
    }

    @Test
    void aCallThatCostNothingWritesNoLine() {
        emf.cost("openai", 0);

        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void withoutANamespaceNothingIsWritten() {
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        EmbeddedMetrics local =
                new EmbeddedMetrics(Optional.empty(), new PrintStream(quiet, true, StandardCharsets.UTF_8));

        local.providerCall("bedrock", false);
        local.step("offline", 12);
        local.cost("bedrock", 1);

        assertThat(quiet.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void everyCallOnTheSpendLedgerIsACostLine() {
        // given the spend ledger on a database, writing EMF
        Database database = new Database(
                "jdbc:h2:mem:emf-spend;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                Optional.of("sa"),
                Optional.empty(),
                2);
        try {
            database.migrateOnStart(null);
            SpendLedger ledger = new SpendLedger(
                    database,
                    new CallLedger(),
                    Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC),
                    emf);

            // when a vendor call is paid
            ledger.paid(
                    StoryContext.boarding("ride-emf", 1, "en"),
                    "anthropic",
                    "claude",
                    100,
                    50,
                    0.25,
                    CallOutcome.VALID);

            // then it is on the ledger and on stdout
            assertThat(ledger.spentOn(java.time.LocalDate.of(2026, 12, 1))).isEqualTo(0.25);
            assertThat(onlyLine().getJsonNumber("AiCostUsd").doubleValue()).isEqualTo(0.25);
        } finally {
            database.close();
        }
    }

    private JsonObject onlyLine() {
        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        try (var reader = Json.createReader(new StringReader(lines.getFirst()))) {
            return reader.readObject();
        }
    }
}
