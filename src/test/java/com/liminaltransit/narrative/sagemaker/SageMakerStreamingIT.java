package com.liminaltransit.narrative.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.ProviderAuthException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.RateLimitedException;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.SentenceRefusedException;
import com.liminaltransit.testing.StreamScript;
import com.liminaltransit.testing.StreamScript.End;
import com.liminaltransit.testing.StreamingStub;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The SageMaker provider's streamed call through the real AWS SDK async client (Netty, SigV4 with test keys) against
 * a local InvokeEndpointWithResponseStream: the container's lines arrive cut across payload parts, even inside a
 * character, and come out as the model's pieces, in order, on the calling thread; every way the stream can fail is
 * our own exception.
 */
class SageMakerStreamingIT {

    static {
        // the default credentials chain reads these first: real SigV4 signing with keys that only the stub sees
        System.setProperty("aws.accessKeyId", "AKIDLIMINALTEST");
        System.setProperty("aws.secretAccessKey", "liminal-test-secret");
    }

    /** Pieces with characters of two, three and four bytes, which the wire cuts across payload parts. */
    private static final List<String> PIECES = List.of(
            "The night train ", "slows at Gare ", "d'Été — ", "駅の灯り ", "flicker 🚉. ", "\n=== CHOICES ===\n", "{}");

    /** One stub and one client for the class (closing Netty takes seconds); each test says which wire it plays. */
    private static final Switching WIRE = new Switching();

    private static final StreamingStub STUB = StreamingStub.start(WIRE, StreamScript.good());
    private static final SageMakerClients CLIENTS = new SageMakerClients(
            Optional.of("us-east-1"),
            Duration.ofSeconds(8),
            Optional.of(STUB.uri().toString()));

    private final Conversation conversation = new Conversation(
            "You are the narrator.", List.of(new Conversation.Turn(Conversation.Turn.USER, "Write stop 2.")));
    private final List<String> handedOn = new CopyOnWriteArrayList<>();
    private final StreamingStub stub = STUB;

    @AfterAll
    static void close() {
        CLIENTS.close();
        STUB.close();
    }

    @Test
    void tgiTokensAreHandedOnInOrderAndTheLastOneCountsThem() {
        // given
        start(SageMakerStreamWire.tgi(), StreamScript.of(PIECES));
        // when
        Reply reply = send("tgi", handedOn::add);
        // then
        assertThat(handedOn).containsExactlyElementsOf(PIECES);
        assertThat(reply.text()).isEqualTo(String.join("", PIECES));
        assertThat(reply.model()).isEqualTo("liminal-tgi");
        assertThat(reply.inputTokens()).isEqualTo(120);
        assertThat(reply.outputTokens()).isEqualTo(80);
        var request = stub.received().getLast();
        assertThat(request.path()).isEqualTo("/endpoints/liminal-tgi/invocations-response-stream");
        assertThat(request.body())
                .contains("\"stream\":true")
                .contains("\"details\":true")
                .contains("\"max_new_tokens\":900")
                .contains("Write stop 2.");
    }

    @Test
    void messagesChunksAreHandedOnInOrderWithTheirUsage() {
        // given
        start(SageMakerStreamWire.messages(), StreamScript.of(PIECES));
        // when
        Reply reply = send("messages", handedOn::add);
        // then
        assertThat(handedOn).containsExactlyElementsOf(PIECES);
        assertThat(reply.text()).isEqualTo(String.join("", PIECES));
        assertThat(reply.inputTokens()).isEqualTo(120);
        assertThat(reply.outputTokens()).isEqualTo(80);
        assertThat(stub.received().getLast().body())
                .contains("\"stream\":true")
                .contains("\"include_usage\":true")
                .contains("\"role\":\"system\"");
    }

    @Test
    void aModelStreamErrorAfterTwoSentencesFailsTheCallAndKeepsWhatWasHandedOn() {
        // given
        start(
                SageMakerStreamWire.tgi().failingWith(SageMakerStreamWire.modelStreamError()),
                StreamScript.twoSentencesThen(End.MALFORMED));
        // when / then
        assertThatThrownBy(() -> send("tgi", handedOn::add))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("failed mid-stream");
        assertThat(String.join("", handedOn)).startsWith(StreamScript.FIRST + " " + StreamScript.SECOND);
    }

    @Test
    void aFrameWithABadChecksumIsTheProvidersFailure() {
        start(SageMakerStreamWire.tgi(), StreamScript.twoSentencesThen(End.MALFORMED));

        assertThatThrownBy(() -> send("tgi", handedOn::add)).isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void aMalformedLineInsideAGoodFrameIsTheProvidersFailure() {
        start(
                SageMakerStreamWire.tgi()
                        .failingWith(SageMakerStreamWire.payloadPart("data: {\"token\": {\"text\": \"half\n\n")),
                StreamScript.twoSentencesThen(End.MALFORMED));

        assertThatThrownBy(() -> send("tgi", handedOn::add))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void aStreamThatEndsWithoutItsLastTokenIsTheProvidersFailure() {
        start(SageMakerStreamWire.tgi().withoutClosingEvents(), StreamScript.good());

        assertThatThrownBy(() -> send("tgi", handedOn::add))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("ended before");
        assertThat(handedOn).isNotEmpty();
    }

    @Test
    void aStreamThatEndsWithoutDoneIsTheProvidersFailure() {
        start(SageMakerStreamWire.messages().withoutClosingEvents(), StreamScript.good());

        assertThatThrownBy(() -> send("messages", handedOn::add))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("[DONE]");
    }

    @Test
    void aResetMidStreamIsTheProvidersFailure() {
        start(SageMakerStreamWire.tgi(), StreamScript.twoSentencesThen(End.RESET));

        assertThatThrownBy(() -> send("tgi", handedOn::add)).isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void errorsBeforeTheStreamAreMappedAsForEveryVendor() {
        start(SageMakerStreamWire.tgi(), StreamScript.good());
        stub.then(
                StreamScript.error(429, "{\"message\": \"slow down\"}"),
                StreamScript.error(403, "{\"message\": \"not you\"}"),
                StreamScript.error(424, "{\"message\": \"the container failed\"}"));

        assertThatThrownBy(() -> send("tgi", handedOn::add)).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> send("tgi", handedOn::add)).isInstanceOf(ProviderAuthException.class);
        assertThatThrownBy(() -> send("tgi", handedOn::add)).isInstanceOf(ProviderUnavailableException.class);
        assertThat(handedOn).isEmpty();
    }

    @Test
    void anExceptionFromTheConsumerEndsTheCallUnchanged() {
        // given a stream that would never end by itself
        start(SageMakerStreamWire.tgi(), StreamScript.twoSentencesThen(End.STALL));
        var refused = new SentenceRefusedException("unsafe", false);
        Thread caller = Thread.currentThread();
        // when / then
        assertThatThrownBy(() -> send("tgi", piece -> {
                    assertThat(Thread.currentThread()).isSameAs(caller);
                    handedOn.add(piece);
                    if (handedOn.size() == 2) {
                        throw refused;
                    }
                }))
                .isSameAs(refused);
        assertThat(handedOn).hasSize(2);
    }

    @Test
    void anInterruptEndsTheCallKeepingTheFlag() {
        // given a stream that stalls after two sentences
        start(SageMakerStreamWire.tgi(), StreamScript.twoSentencesThen(End.STALL));
        // when the caller is interrupted (as the stall watch does) while it reads
        try {
            assertThatThrownBy(() -> send("tgi", piece -> {
                        handedOn.add(piece);
                        if (handedOn.size() == 2) {
                            Thread.currentThread().interrupt();
                        }
                    }))
                    .isExactlyInstanceOf(NarrativeException.class)
                    .hasMessageContaining("interrupted");
            // then
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private void start(SageMakerStreamWire wire, StreamScript script) {
        WIRE.current = wire;
        STUB.reset();
        STUB.otherwise(script);
    }

    private Reply send(String format, Consumer<String> text) {
        var provider = new SageMakerProvider(
                null,
                null,
                Optional.of("liminal-tgi"),
                Optional.of("us-east-1"),
                Optional.of(STUB.uri().toString()),
                format,
                Duration.ofSeconds(8),
                900,
                0.9,
                8192);
        return provider.sendStreaming(CLIENTS, "liminal-tgi", conversation, text);
    }

    /** The wire the current test plays. */
    private static final class Switching implements StreamingStub.Wire {
        private volatile StreamingStub.Wire current = SageMakerStreamWire.tgi();

        @Override
        public String contentType() {
            return current.contentType();
        }

        @Override
        public byte[] head() {
            return current.head();
        }

        @Override
        public byte[] piece(String text) {
            return current.piece(text);
        }

        @Override
        public byte[] tail(int inputTokens, int outputTokens) {
            return current.tail(inputTokens, outputTokens);
        }

        @Override
        public byte[] malformed() {
            return current.malformed();
        }
    }
}
