package com.liminaltransit.narrative.bedrock;

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
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The provider's ConverseStream alone, through the real SDK async client (Netty, SigV4 with test keys) against a
 * stub that writes Bedrock's binary event stream: the text arrives on the calling thread, in order, with the usage
 * of the metadata event; every way a stream fails ends in our exception, with what came before it handed on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hang, not a speed figure
class BedrockStreamingIT {

    private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final Conversation CONVERSATION = new Conversation(
            "You narrate a night train.", List.of(new Conversation.Turn(Conversation.Turn.USER, "Board the train.")));

    private final List<String> pieces = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private StreamingStub stub;
    private BedrockClients clients;

    static {
        // the default credentials chain reads these first: real SigV4 signing with keys that only the stub sees (set
        // for the JVM, never cleared: the other Bedrock ITs in this fork set the same, once, when their class loads)
        System.setProperty("aws.accessKeyId", "AKIDLIMINALTEST");
        System.setProperty("aws.secretAccessKey", "liminal-test-secret");
    }

    @AfterEach
    void close() {
        if (clients != null) {
            clients.close();
        }
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void aGoodStreamIsHandedOnPieceByPieceInOrderOnTheCallingThread() {
        StreamScript script = StreamScript.good();

        Reply reply = stream(new BedrockStreamWire(), script);

        assertThat(pieces).containsExactlyElementsOf(script.pieces());
        assertThat(threads).containsOnly(Thread.currentThread());
        assertThat(reply.text()).isEqualTo(String.join("", script.pieces()));
        assertThat(reply.model()).isEqualTo(MODEL);
        assertThat(reply.inputTokens()).isEqualTo(120);
        assertThat(reply.outputTokens()).isEqualTo(80);
    }

    @Test
    void theRequestIsAConverseStreamOfTheConversationWithoutTools() {
        stream(new BedrockStreamWire(), StreamScript.good());

        StreamingStub.Received request = stub.received().getFirst();
        assertThat(request.path()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream");
        JsonObject body = Json.createReader(new StringReader(request.body())).readObject();
        assertThat(body.getJsonArray("system").getJsonObject(0).getString("text"))
                .isEqualTo("You narrate a night train.");
        assertThat(body.getJsonArray("messages").getJsonObject(0).getString("role"))
                .isEqualTo("user");
        assertThat(body.getJsonObject("inferenceConfig").getInt("maxTokens")).isEqualTo(900);
        assertThat(body).doesNotContainKey("toolConfig");
    }

    @Test
    void throttlingBeforeTheStreamIsRateLimited() {
        assertThatThrownBy(() -> stream(
                        new BedrockStreamWire(),
                        StreamScript.error(429, "{\"__type\": \"ThrottlingException\", \"message\": \"slow down\"}")))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void refusedCredentialsAreAnAuthFailure() {
        assertThatThrownBy(() -> stream(
                        new BedrockStreamWire(),
                        StreamScript.error(
                                403, "{\"__type\": \"AccessDeniedException\", \"message\": \"not for you\"}")))
                .isInstanceOf(ProviderAuthException.class);
    }

    @Test
    void anUnavailableServiceIsUnavailable() {
        assertThatThrownBy(() -> stream(
                        new BedrockStreamWire(),
                        StreamScript.error(
                                503, "{\"__type\": \"ServiceUnavailableException\", \"message\": \"busy\"}")))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void aMalformedFrameAfterTwoSentencesIsUnavailableAndWhatCameBeforeWasHandedOn() {
        StreamScript script = StreamScript.twoSentencesThen(End.MALFORMED);

        assertThatThrownBy(() -> stream(new BedrockStreamWire(), script))
                .isInstanceOf(ProviderUnavailableException.class)
                .as("the frame's checksum failed, not the stream's ending")
                .hasMessageNotContaining("messageStop");
        assertThat(pieces).containsExactlyElementsOf(script.pieces());
    }

    @Test
    void aResetIsUnavailable() {
        var allRead = new CountDownLatch(1);
        StreamScript script = StreamScript.twoSentencesThen(End.RESET).faultAfter(allRead);
        int last = script.pieces().size();

        assertThatThrownBy(() -> stream(new BedrockStreamWire(), script, piece -> {
                    if (pieces.size() == last) {
                        allRead.countDown();
                    }
                }))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(pieces).containsExactlyElementsOf(script.pieces());
    }

    @Test
    void aModelStreamErrorEventIsUnavailable() {
        assertThatThrownBy(() -> stream(
                        BedrockStreamWire.failingWith("modelStreamErrorException", "the model stopped"),
                        StreamScript.twoSentencesThen(End.MALFORMED)))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void aThrottlingEventMidStreamIsRateLimited() {
        assertThatThrownBy(() -> stream(
                        BedrockStreamWire.failingWith("throttlingException", "slow down"),
                        StreamScript.twoSentencesThen(End.MALFORMED)))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void aStreamThatEndsWithoutMessageStopIsUnavailable() {
        assertThatThrownBy(() -> stream(BedrockStreamWire.withoutMessageStop(), StreamScript.good()))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("messageStop");
    }

    @Test
    void anInterruptDuringAStallEndsTheCallAndKeepsTheFlag() {
        StreamScript script = StreamScript.twoSentencesThen(End.STALL);
        int last = script.pieces().size();
        Thread caller = Thread.currentThread();
        var allRead = new CountDownLatch(1);
        Thread watch = Thread.ofVirtual().start(() -> {
            try {
                allRead.await();
                caller.interrupt(); // as the stall watch does
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThatThrownBy(() -> stream(new BedrockStreamWire(), script, piece -> {
                        if (pieces.size() == last) {
                            allRead.countDown();
                        }
                    }))
                    .isExactlyInstanceOf(NarrativeException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.interrupted()).as("the interrupt flag is kept").isTrue();
        } finally {
            watch.interrupt();
        }
        assertThat(pieces).containsExactlyElementsOf(script.pieces());
    }

    @Test
    void whatTheConsumerThrowsEndsTheCallUnchanged() {
        var refused = new SentenceRefusedException("not shown", false);

        assertThatThrownBy(() -> stream(new BedrockStreamWire(), StreamScript.good(), piece -> {
                    if (pieces.size() == 2) {
                        throw refused;
                    }
                }))
                .isSameAs(refused);
        assertThat(pieces).hasSize(2);
    }

    private Reply stream(StreamingStub.Wire wire, StreamScript script) {
        return stream(wire, script, piece -> {});
    }

    private Reply stream(StreamingStub.Wire wire, StreamScript script, Consumer<String> then) {
        stub = StreamingStub.start(wire, script);
        clients = BedrockClients.of(
                BedrockProvider.NAME,
                Optional.of("us-east-1"),
                Duration.ofSeconds(8),
                Optional.of(stub.uri().toString()));
        BedrockProvider provider = new BedrockProvider(
                null,
                null,
                Optional.of(MODEL),
                Optional.of("us-east-1"),
                Optional.empty(),
                Duration.ofSeconds(8),
                900,
                0.9);
        return provider.sendStreaming(clients, MODEL, CONVERSATION, piece -> {
            pieces.add(piece);
            threads.add(Thread.currentThread());
            then.accept(piece);
        });
    }
}
