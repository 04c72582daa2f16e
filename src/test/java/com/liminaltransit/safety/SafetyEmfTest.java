package com.liminaltransit.safety;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The safety check's CloudWatch EMF line: the names and dimensions the Terraform dashboard and alarms read. */
class SafetyEmfTest {

    private final SafetyMetrics.Emf emf = new SafetyMetrics.Emf("LiminalTransit/test", System.out);

    @Test
    void aBlockedAnswerIsOneCheckAndOneBlockWithAndWithoutItsLanguage() {
        SafetyVerdict blocked = SafetyVerdict.block(
                List.of(new Finding(Layer.RULES, "email", 1.0, "passage")), List.of(Layer.RULES), List.of());

        JsonObject line = emf.line("en", blocked, 1_700_000_000_000L);

        assertThat(line.getInt("SafetyChecks")).isEqualTo(1);
        assertThat(line.getInt("SafetyBlocks")).isEqualTo(1);
        assertThat(line.getInt("SafetyFailClosed")).isZero();
        assertThat(line.getInt("SafetyUnavailable")).isZero();
        assertThat(line.getString("Language")).isEqualTo("en");
        JsonObject directive =
                line.getJsonObject("_aws").getJsonArray("CloudWatchMetrics").getJsonObject(0);
        assertThat(directive.getString("Namespace")).isEqualTo("LiminalTransit/test");
        assertThat(directive.getJsonArray("Dimensions").toString()).isEqualTo("[[],[\"Language\"]]");
        assertThat(directive.getJsonArray("Metrics").getValuesAs(JsonObject.class))
                .extracting(m -> m.getString("Name"))
                .containsExactly("SafetyChecks", "SafetyBlocks", "SafetyFailClosed", "SafetyUnavailable");
    }

    @Test
    void aClassifierDownCountsAsUnavailableAndFailClosed() {
        SafetyVerdict closed = SafetyVerdict.failClosed(
                "unavailable: comprehend (throttled)", List.of(Layer.RULES), List.of("comprehend (throttled)"));

        JsonObject line = emf.line("en", closed, 1_700_000_000_000L);

        assertThat(line.getInt("SafetyFailClosed")).isEqualTo(1);
        assertThat(line.getInt("SafetyUnavailable")).isEqualTo(1);
        assertThat(line.getInt("SafetyBlocks")).isZero();
    }
}
