package com.liminaltransit.narrative.anthropic;

import com.liminaltransit.testing.StreamingStub;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * The Messages API with {@code "stream": true} as Anthropic writes it: named server-sent events whose data repeats
 * the name as {@code type}: {@code message_start} (the model, the input tokens), {@code content_block_start} of a
 * text block, a {@code ping}, one {@code content_block_delta} of type {@code text_delta} per piece, then
 * {@code content_block_stop}, {@code message_delta} (the stop reason, cumulative usage) and {@code message_stop}.
 * Its unreadable frame is a delta cut off in its JSON, or, once {@link #failWithErrorEvent} is set, Anthropic's own
 * mid-stream failure: an {@code error} event of type {@code overloaded_error}.
 */
public final class AnthropicStreamWire implements StreamingStub.Wire {

    /** The model the stream names, as Anthropic names a dated snapshot. */
    public static final String MODEL = "claude-stub-20260101";
    /** The input tokens {@code message_start} reports. */
    public static final int STARTING_INPUT_TOKENS = 120;

    private volatile boolean errorEvent;

    /** From now on, the unreadable frame is an {@code overloaded_error} event (until set back). */
    public AnthropicStreamWire failWithErrorEvent(boolean errorEvent) {
        this.errorEvent = errorEvent;
        return this;
    }

    @Override
    public String contentType() {
        return "text/event-stream; charset=utf-8";
    }

    @Override
    public byte[] head() {
        JsonObject message = Json.createObjectBuilder()
                .add("id", "msg_stub_stream")
                .add("type", "message")
                .add("role", "assistant")
                .add("content", Json.createArrayBuilder())
                .add("model", MODEL)
                .addNull("stop_reason")
                .addNull("stop_sequence")
                .add(
                        "usage",
                        Json.createObjectBuilder()
                                .add("input_tokens", STARTING_INPUT_TOKENS)
                                .add("output_tokens", 1))
                .build();
        String start = event(
                "message_start",
                Json.createObjectBuilder()
                        .add("type", "message_start")
                        .add("message", message)
                        .build());
        String block = event(
                "content_block_start",
                Json.createObjectBuilder()
                        .add("type", "content_block_start")
                        .add("index", 0)
                        .add(
                                "content_block",
                                Json.createObjectBuilder().add("type", "text").add("text", ""))
                        .build());
        return bytes(start
                + block
                + event("ping", Json.createObjectBuilder().add("type", "ping").build()));
    }

    @Override
    public byte[] piece(String text) {
        return bytes(delta(text));
    }

    @Override
    public byte[] tail(int inputTokens, int outputTokens) {
        String stop = event(
                "content_block_stop",
                Json.createObjectBuilder()
                        .add("type", "content_block_stop")
                        .add("index", 0)
                        .build());
        String delta = event(
                "message_delta",
                Json.createObjectBuilder()
                        .add("type", "message_delta")
                        .add(
                                "delta",
                                Json.createObjectBuilder()
                                        .add("stop_reason", "end_turn")
                                        .addNull("stop_sequence"))
                        .add(
                                "usage",
                                Json.createObjectBuilder()
                                        .add("input_tokens", inputTokens)
                                        .add("output_tokens", outputTokens))
                        .build());
        String end = event(
                "message_stop",
                Json.createObjectBuilder().add("type", "message_stop").build());
        return bytes(stop + delta + end);
    }

    @Override
    public byte[] malformed() {
        if (errorEvent) {
            return bytes(error("overloaded_error", "Overloaded"));
        }
        return bytes("event: content_block_delta\n"
                + "data: {\"type\": \"content_block_delta\", \"index\": 0, \"delta\": {\"type\": \"text_delta\","
                + " \"text\": \"half\n\n");
    }

    /** One {@code content_block_delta} event carrying {@code text}. */
    public static String delta(String text) {
        return event(
                "content_block_delta",
                Json.createObjectBuilder()
                        .add("type", "content_block_delta")
                        .add("index", 0)
                        .add(
                                "delta",
                                Json.createObjectBuilder()
                                        .add("type", "text_delta")
                                        .add("text", text))
                        .build());
    }

    /** An {@code error} event as Anthropic sends one mid-stream. */
    public static String error(String type, String message) {
        return event(
                "error",
                Json.createObjectBuilder()
                        .add("type", "error")
                        .add(
                                "error",
                                Json.createObjectBuilder().add("type", type).add("message", message))
                        .build());
    }

    /** A whole stream of {@code text} in {@code pieces}, as the stub writes it, without the HTTP framing. */
    public String stream(Iterable<String> pieces, int inputTokens, int outputTokens) {
        var body = new StringBuilder(new String(head(), StandardCharsets.UTF_8));
        for (String piece : pieces) {
            body.append(new String(piece(piece), StandardCharsets.UTF_8));
        }
        return body.append(new String(tail(inputTokens, outputTokens), StandardCharsets.UTF_8))
                .toString();
    }

    private static String event(String name, JsonObject data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
