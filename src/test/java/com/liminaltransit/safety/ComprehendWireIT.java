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
import java.util.ArrayList;
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
 * The Comprehend layer through the real AWS SDK client (SigV4 with static test keys from the default credentials
 * chain, JSON 1.1) against a local {@code DetectToxicContent} stub on 127.0.0.1, with its faults: throttling, 5xx,
 * answers past the timeout, malformed answers, dropped connections.
 */
class ComprehendWireIT {

    private static final VendorStub STUB = VendorStub.start(new ComprehendWire());

    static {
        // the default credentials chain reads these first: real SigV4 signing with keys that only the stub sees
        System.setProperty("aws.accessKeyId", "AKIDLIMINALTEST");
        System.setProperty("aws.secretAccessKey", "liminal-test-secret");
    }

    private final ComprehendClassifier comprehend = new ComprehendClassifier(
            Optional.of("us-east-1"),
            Optional.of(STUB.uri().toString()),
            Duration.ofMillis(800),
            ComprehendThresholds.defaults());

    @BeforeEach
    void judgeLikeComprehend() {
        STUB.reset();
        STUB.otherwise(ComprehendWire.judging());
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void asksDetectToxicContentSignedInEnglishWithOneSegmentPerPart() {
        // when a calm stop is classified
        List<Finding> found = comprehend.classify(
                "en",
                List.of(
                        new TextPart("passage", "The lamps sway over the empty seats."),
                        new TextPart("choice a", "Sit down"),
                        new TextPart("summary", "You boarded.")));

        // then nothing passes a threshold, and the call was the real SDK's
        assertThat(found).isEmpty();
        Recorded request = STUB.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.header("X-Amz-Target")).isEqualTo(ComprehendWire.TARGET);
        assertThat(request.header("Content-Type")).startsWith("application/x-amz-json-1.1");
        assertThat(request.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDLIMINALTEST/")
                .contains("/us-east-1/comprehend/aws4_request")
                .contains("Signature=");
        assertThat(request.body()).contains("\"LanguageCode\":\"en\"");
        assertThat(ComprehendWire.segments(request))
                .containsExactly("The lamps sway over the empty seats.", "Sit down", "You boarded.");
    }

    @Test
    void aLabelOverItsThresholdIsAFindingOfItsSegment() {
        List<Finding> found = comprehend.classify(
                "en",
                List.of(
                        new TextPart("passage", "The conductor says the other passengers are vermin."),
                        new TextPart("choice b", "Say: I will hurt you")));

        assertThat(found)
                .extracting(Finding::category, Finding::field)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("hate-speech", "passage"),
                        org.assertj.core.groups.Tuple.tuple("violence-or-threat", "choice b"));
        double score = found.stream()
                .filter(f -> f.category().equals("hate-speech"))
                .findFirst()
                .orElseThrow()
                .score();
        assertThat(score).isCloseTo(0.94, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void moreThanTenSegmentsGoInCallsOfTenAtMost() {
        List<TextPart> parts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            parts.add(new TextPart("part " + i, "Quiet line " + i + "."));
        }
        assertThat(comprehend.classify("en", parts)).isEmpty();
        assertThat(STUB.requests())
                .extracting(r -> ComprehendWire.segments(r).size())
                .containsExactly(10, 2);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("TooManyRequestsException (400)", status(400), "throttled"),
                Arguments.of("ThrottlingException (429)", status(429), "throttled"),
                Arguments.of("InternalServerException (500)", status(500), "error 500 InternalServerException"),
                Arguments.of("ServiceUnavailableException (503)", status(503), "error 503"),
                Arguments.of("an answer past the timeout", delayed(2_000), "timed out"),
                Arguments.of("a body that is not JSON", malformed(), "malformed answer"),
                Arguments.of(
                        "results that do not match the segments",
                        VendorStub.answering("{\"ResultList\": []}"),
                        "malformed answer"),
                Arguments.of("a dropped connection", connectionReset(), "unreachable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void everyFaultMakesTheLayerUnavailableWithAReason(String fault, VendorStub.Behaviour behaviour, String reason) {
        STUB.then(behaviour);
        List<TextPart> parts = List.of(new TextPart("passage", "The lamps sway."));

        assertThatThrownBy(() -> comprehend.classify("en", parts))
                .isInstanceOf(ClassifierUnavailableException.class)
                .hasMessageStartingWith(reason)
                .satisfies(e ->
                        assertThat(((ClassifierUnavailableException) e).layer()).isEqualTo(Layer.COMPREHEND));
    }

    @Test
    void coversEnglishOnly() {
        assertThat(comprehend.covers("en-US")).isTrue();
        assertThat(comprehend.covers("es")).isFalse();
        assertThat(comprehend.covers("ja")).isFalse();
    }
}
