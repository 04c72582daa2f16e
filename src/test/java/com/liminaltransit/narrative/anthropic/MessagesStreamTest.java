package com.liminaltransit.narrative.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.ProviderAuthException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.RateLimitedException;
import com.liminaltransit.narrative.RejectedRequestException;
import com.liminaltransit.narrative.stream.ProseThenChoices;
import com.liminaltransit.narrative.stream.Sentence;
import com.liminaltransit.testing.StreamScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Anthropic's streamed Messages events read into the pieces of the model's text, its model and its tokens. */
class MessagesStreamTest {

    private static final AnthropicStreamWire WIRE = new AnthropicStreamWire();

    /** A short answer in the shape Anthropic's streaming documentation shows (its basic example). */
    private static final String DOCUMENTED = """
            event: message_start
            data: {"type": "message_start", "message": {"id": "msg_stub", "type": "message", "role": "assistant", "content": [], "model": "claude-stub", "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 25, "output_tokens": 1}}}

            event: content_block_start
            data: {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}

            event: ping
            data: {"type": "ping"}

            event: content_block_delta
            data: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hello"}}

            event: content_block_delta
            data: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "!"}}

            event: content_block_stop
            data: {"type": "content_block_stop", "index": 0}

            event: message_delta
            data: {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence":null}, "usage": {"output_tokens": 15}}

            event: message_stop
            data: {"type": "message_stop"}

            """;

    @Test
    void aDocumentedStreamIsItsTextModelAndTokens() {
        List<String> pieces = new ArrayList<>();

        var ending = read(DOCUMENTED, pieces::add);

        assertThat(pieces).containsExactly("Hello", "!");
        assertThat(ending).isEqualTo(new MessagesStream.Ending("claude-stub", 25, 15, "end_turn"));
    }

    @Test
    void theWiresWholeStoryArrivesPieceByPieceInOrderAndParsesAsTheStreamedShape() {
        var script = StreamScript.good();
        List<String> pieces = new ArrayList<>();
        var answer = new ProseThenChoices(Locale.ENGLISH);
        List<Sentence> shown = new ArrayList<>();

        var ending = read(WIRE.stream(script.pieces(), 412, 131), piece -> {
            pieces.add(piece);
            shown.addAll(answer.feed(piece));
        });

        assertThat(pieces).containsExactlyElementsOf(script.pieces());
        assertThat(shown).hasSize(3);
        assertThat(answer.finish().choices()).hasSize(2);
        assertThat(ending).isEqualTo(new MessagesStream.Ending(AnthropicStreamWire.MODEL, 412, 131, "end_turn"));
    }

    @Test
    void anOverloadedErrorEventFailsTheProviderAfterTheTextBeforeIt() {
        var body = head()
                + AnthropicStreamWire.delta("The lamps ")
                + AnthropicStreamWire.delta("flicker. ")
                + AnthropicStreamWire.error("overloaded_error", "Overloaded")
                + AnthropicStreamWire.delta("never read");
        var text = new StringBuilder();

        assertThatThrownBy(() -> read(body, text::append))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("HTTP 529")
                .hasMessageContaining("overloaded_error Overloaded");
        assertThat(text).hasToString("The lamps flicker. ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorTypes")
    void anErrorEventIsMappedAsItsStatusWouldBe(String type, Class<? extends NarrativeException> failure) {
        var body = head() + AnthropicStreamWire.error(type, "stub");

        assertThatThrownBy(() -> read(body, piece -> {})).isExactlyInstanceOf(failure);
    }

    static Stream<Arguments> errorTypes() {
        return Stream.of(
                Arguments.of("overloaded_error", ProviderUnavailableException.class),
                Arguments.of("api_error", ProviderUnavailableException.class),
                Arguments.of("a_type_added_later", ProviderUnavailableException.class),
                Arguments.of("rate_limit_error", RateLimitedException.class),
                Arguments.of("authentication_error", ProviderAuthException.class),
                Arguments.of("invalid_request_error", RejectedRequestException.class));
    }

    @Test
    void aMalformedDataLineFailsTheProviderAfterTheTextBeforeIt() {
        var body = head()
                + AnthropicStreamWire.delta("The lamps ")
                + new String(WIRE.malformed(), StandardCharsets.UTF_8)
                + AnthropicStreamWire.delta("never read");
        var text = new StringBuilder();

        assertThatThrownBy(() -> read(body, text::append))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("malformed");
        assertThat(text).hasToString("The lamps ");
    }

    @Test
    void eventsOfTheWrongShapeAreMalformedToo() {
        for (String data : List.of(
                "[1, 2]",
                "{\"index\": 0}",
                "{\"type\": \"content_block_delta\", \"index\": 0}",
                "{\"type\": \"content_block_delta\", \"delta\": {\"type\": \"text_delta\", \"text\": 7}}",
                "{\"type\": \"message_start\"}")) {
            assertThatThrownBy(() -> read(head() + "data: " + data + "\n\n", piece -> {}))
                    .as(data)
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("malformed");
        }
    }

    @Test
    void aStreamThatEndsWithoutMessageStopFailsTheProviderAfterItsText() {
        var script = StreamScript.good();
        var whole = WIRE.stream(script.pieces(), 1, 1);
        var cut = whole.substring(0, whole.indexOf("event: message_stop"));
        var text = new StringBuilder();

        assertThatThrownBy(() -> read(cut, text::append))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("ended before message_stop");
        assertThat(text).hasToString(String.join("", script.pieces()));
    }

    @Test
    void commentsPingsOtherBlocksAndNewEventTypesAreNotText() {
        var body = ": keep-alive\n\n"
                + head()
                + "event: content_block_delta\ndata: {\"type\": \"content_block_delta\", \"index\": 0,"
                + " \"delta\": {\"type\": \"thinking_delta\", \"thinking\": \"Let me see\"}}\n\n"
                + "event: a_new_event\ndata: {\"type\": \"a_new_event\", \"text\": \"no\"}\n\n"
                + "event: ping\ndata: {\"type\": \"ping\"}\n\n"
                + AnthropicStreamWire.delta("Hi.")
                + new String(WIRE.tail(3, 4), StandardCharsets.UTF_8);
        var text = new StringBuilder();

        read(body, text::append);

        assertThat(text).hasToString("Hi.");
    }

    @Test
    void dataSpanningLinesIsOneEventAndCarriageReturnsAndALastLineWithoutBreakAreRead() {
        var body = head()
                + "event: content_block_delta\r\ndata: {\"type\": \"content_block_delta\", \"index\": 0,\r\n"
                + "data: \"delta\": {\"type\": \"text_delta\", \"text\": \"Hi.\"}}\r\n\r\n"
                + "event: message_stop\ndata: {\"type\": \"message_stop\"}";
        var text = new StringBuilder();

        var ending = read(body, text::append);

        assertThat(text).hasToString("Hi.");
        assertThat(ending.model()).isEqualTo(AnthropicStreamWire.MODEL);
    }

    @Test
    void whatTheConsumerThrowsPropagatesUnchangedAndLinesAfterMessageStopAreIgnored() {
        var refused = new IllegalStateException("a sentence was refused");
        var reader = new MessagesStream.Reader("anthropic", piece -> {
            throw refused;
        });
        head().lines().forEach(reader::line);
        assertThatThrownBy(() -> AnthropicStreamWire.delta("Bad.").lines().forEach(reader::line))
                .isSameAs(refused);

        var done = new MessagesStream.Reader("anthropic", piece -> {});
        "event: message_stop\ndata: {\"type\": \"message_stop\"}\n\ndata: not json\n\n"
                .lines()
                .forEach(done::line);
        assertThat(done.done()).isTrue();
        assertThat(done.ending().model()).isNull();
    }

    private static String head() {
        return new String(WIRE.head(), StandardCharsets.UTF_8);
    }

    /** Feeds {@code body} line by line as {@code VendorHttp.postStreaming} does, then reads its ending. */
    private static MessagesStream.Ending read(String body, Consumer<String> text) {
        var reader = new MessagesStream.Reader("anthropic", text);
        body.lines().forEach(reader::line);
        return reader.ending();
    }
}
