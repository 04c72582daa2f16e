package com.liminaltransit.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.testing.TranslateStub;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Amazon Translate through the real AWS SDK client (SigV4-signed with static test keys from the default credentials
 * chain, the JDK's HTTP client) against a stub of the wire format that client speaks (Smithy RPC v2 CBOR) on 127.0.0.1: the request it sends, and
 * every way the service fails, each of which becomes {@link TranslationUnavailable} (never anything else; a late
 * answer is cut off by the client's timeout).
 */
class AmazonTranslateIT {

    private static final TranslateStub STUB = TranslateStub.start();

    static {
        // the default credentials chain reads these first: real SigV4 signing with keys that only the stub sees
        System.setProperty("aws.accessKeyId", "AKIDLIMINALTEST");
        System.setProperty("aws.secretAccessKey", "liminal-test-secret");
    }

    private final AmazonTranslate translate = new AmazonTranslate(
            Optional.of("eu-west-1"),
            Optional.of(STUB.uri().toString()),
            Optional.of("liminal-line"),
            Duration.ofMillis(800));

    @BeforeEach
    void resetStub() {
        STUB.reset();
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void aTextIsSentAsTranslateTextSignedAndWithTheLinesTerminology() {
        // when
        String translated = translate.translate("You board the Lantern Line at Hollow Quay.", "en", "ja");

        // then the answer is the service's translation
        assertThat(translated).isEqualTo("[ja] You board the Lantern Line at Hollow Quay.");
        // and the request was TranslateText (RPC v2 CBOR), signed for translate in the region, with the terminology
        TranslateStub.Recorded request = STUB.requests().getFirst();
        assertThat(request.path()).isEqualTo(TranslateStub.PATH);
        assertThat(request.header("Content-Type")).isEqualTo("application/cbor");
        assertThat(request.header("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        assertThat(request.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDLIMINALTEST/")
                .contains("/eu-west-1/translate/aws4_request")
                .contains("Signature=");
        assertThat(request.field("Text")).isEqualTo("You board the Lantern Line at Hollow Quay.");
        assertThat(request.field("SourceLanguageCode")).isEqualTo("en");
        assertThat(request.field("TargetLanguageCode")).isEqualTo("ja");
        assertThat(request.terminologyNames()).containsExactly("liminal-line");
    }

    @Test
    void regionalTagsAreNamedAsTranslateNamesThem() {
        translate.translate("A lamp.", "en-GB", "es-MX");
        translate.translate("A lamp.", "en", "de-AT");

        assertThat(STUB.requests())
                .extracting(r -> r.field("SourceLanguageCode") + ">" + r.field("TargetLanguageCode"))
                .containsExactly("en>es-MX", "en>de");
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("throttled (429 TooManyRequestsException)", TranslateStub.throttled()),
                Arguments.of("500 InternalServerException", TranslateStub.internalError()),
                Arguments.of("503 ServiceUnavailableException", TranslateStub.unavailable()),
                Arguments.of("no answer within the timeout", TranslateStub.slow(3_000)),
                Arguments.of("a body that is not JSON", TranslateStub.malformed()),
                Arguments.of("JSON without a translation", TranslateStub.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void everyFailureIsTranslationUnavailable(String fault, TranslateStub.Fault behaviour) {
        // given
        STUB.then(behaviour);

        // when / then
        assertThatThrownBy(() -> translate.translate("The doors close.", "en", "fr"))
                .isInstanceOf(TranslationUnavailable.class);
        // one call and no retry (a late answer, 3 s against an 800 ms bound, was never read)
        assertThat(STUB.requests()).hasSize(1);
    }

    @Test
    void withoutARegionTranslateIsOffAndNothingIsSent() {
        AmazonTranslate off = new AmazonTranslate(
                Optional.empty(), Optional.of(STUB.uri().toString()), Optional.empty(), Duration.ofSeconds(1));

        assertThat(off.configured()).isFalse();
        assertThatThrownBy(() -> off.translate("A lamp.", "en", "ja")).isInstanceOf(TranslationUnavailable.class);
        assertThat(STUB.requests()).isEmpty();
    }
}
