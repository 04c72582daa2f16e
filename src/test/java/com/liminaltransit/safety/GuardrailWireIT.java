package com.liminaltransit.safety;

import static com.liminaltransit.testing.VendorStub.connectionReset;
import static com.liminaltransit.testing.VendorStub.delayed;
import static com.liminaltransit.testing.VendorStub.malformed;
import static com.liminaltransit.testing.VendorStub.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.testing.VendorStub;
import com.liminaltransit.testing.VendorStub.Recorded;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Guardrails layer through the real AWS SDK client ({@code bedrockruntime} ApplyGuardrail, REST, SigV4 with
 * static test keys) against a local stub on 127.0.0.1, with its faults: throttling, 5xx, answers past the timeout,
 * malformed answers, dropped connections.
 */
class GuardrailWireIT {

    private static final VendorStub STUB = VendorStub.start(new GuardrailWire());

    static {
        System.setProperty("aws.accessKeyId", "AKIDLIMINALTEST");
        System.setProperty("aws.secretAccessKey", "liminal-test-secret");
    }

    private final GuardrailClassifier guardrail = new GuardrailClassifier(
            Optional.of("gr-night1"),
            Optional.of("3"),
            List.of("en", "es", "fr", "de", "ja"),
            Optional.of("eu-west-1"),
            Optional.of(STUB.uri().toString()),
            Duration.ofMillis(800));

    @BeforeEach
    void judgeLikeAGuardrail() {
        STUB.reset();
        STUB.otherwise(GuardrailWire.judging());
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void appliesTheConfiguredGuardrailVersionToEveryPartAsOutput() {
        List<Finding> found = guardrail.classify(
                "ja",
                List.of(
                        new TextPart("passage", "夜行列車は名もない駅を通り過ぎた。"),
                        new TextPart("choice a", "窓の外を見る"),
                        new TextPart("summary", "あなたは乗車した。")));

        assertThat(found).isEmpty();
        Recorded request = STUB.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/guardrail/gr-night1/version/3/apply");
        assertThat(request.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDLIMINALTEST/")
                .contains("/eu-west-1/bedrock/aws4_request");
        assertThat(request.body()).contains("\"source\":\"OUTPUT\"");
        assertThat(GuardrailWire.texts(request)).containsExactly("夜行列車は名もない駅を通り過ぎた。", "窓の外を見る", "あなたは乗車した。");
    }

    @Test
    void anInterventionIsFindingsOfEachPolicyThatActed() {
        List<Finding> found = guardrail.classify(
                "en",
                List.of(new TextPart("passage", "They are vermin, and you should poison the reservoir at dawn.")));

        assertThat(found)
                .extracting(Finding::category, Finding::score)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("hate", 1.0),
                        org.assertj.core.groups.Tuple.tuple("topic:weapons-instructions", 1.0));
    }

    @Test
    void anInterventionWithoutAssessmentsStillBlocks() {
        STUB.then(VendorStub.answering("{\"action\": \"GUARDRAIL_INTERVENED\", \"outputs\": [], \"assessments\": []}"));
        assertThat(guardrail.classify("en", List.of(new TextPart("passage", "Anything."))))
                .extracting(Finding::category)
                .containsExactly("intervened");
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("ThrottlingException (429)", status(429), "throttled"),
                Arguments.of("InternalServerException (500)", status(500), "error 500 InternalServerException"),
                Arguments.of("ServiceUnavailableException (503)", status(503), "error 503"),
                Arguments.of("AccessDeniedException (403)", status(403), "error 403 AccessDeniedException"),
                Arguments.of("an answer past the timeout", delayed(2_000), "timed out"),
                Arguments.of("a body that is not JSON", malformed(), "malformed answer"),
                Arguments.of("an answer without an action", VendorStub.answering("{\"outputs\": []}"), "malformed"),
                Arguments.of("a dropped connection", connectionReset(), "unreachable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void everyFaultMakesTheLayerUnavailableWithAReason(String fault, VendorStub.Behaviour behaviour, String reason) {
        STUB.then(behaviour);
        List<TextPart> parts = List.of(new TextPart("passage", "The lamps sway."));

        assertThatThrownBy(() -> guardrail.classify("en", parts))
                .isInstanceOf(ClassifierUnavailableException.class)
                .hasMessageStartingWith(reason);
    }

    @Test
    void coversTheDeclaredLanguages() {
        assertThat(guardrail.covers("ja-JP")).isTrue();
        assertThat(guardrail.covers("pt")).isFalse();
    }
}
