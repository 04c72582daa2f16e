package com.liminaltransit.narrative.bedrock;

import com.liminaltransit.testing.StreamingStub;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * Bedrock ConverseStream as the service writes it: an {@code application/vnd.amazon.eventstream} body of binary
 * event-stream frames (prelude, headers, payload, CRC32s), each an {@code event} whose {@code :event-type} is
 * {@code messageStart}, {@code contentBlockDelta}, {@code contentBlockStop}, {@code messageStop} or
 * {@code metadata}, its payload the event's JSON. The frames are encoded by the SDK's own
 * {@link Message}, so the client reads exactly what it would read from AWS.
 */
final class BedrockStreamWire implements StreamingStub.Wire {

    private final byte[] fault;
    private final boolean messageStop;

    private BedrockStreamWire(byte[] fault, boolean messageStop) {
        this.fault = fault;
        this.messageStop = messageStop;
    }

    /** The service as it is; its malformed frame is a delta whose message CRC does not match. */
    BedrockStreamWire() {
        this(null, true);
    }

    /** A stream whose fault is an exception event (e.g. {@code modelStreamErrorException}) instead. */
    static BedrockStreamWire failingWith(String exceptionType, String message) {
        return new BedrockStreamWire(exception(exceptionType, message), true);
    }

    /** A stream that ends cleanly on the wire without its {@code messageStop} event. */
    static BedrockStreamWire withoutMessageStop() {
        return new BedrockStreamWire(null, false);
    }

    @Override
    public String contentType() {
        return "application/vnd.amazon.eventstream";
    }

    @Override
    public byte[] head() {
        return event(
                "messageStart",
                Json.createObjectBuilder().add("role", "assistant").build());
    }

    @Override
    public byte[] piece(String text) {
        return event("contentBlockDelta", delta(text));
    }

    @Override
    public byte[] tail(int inputTokens, int outputTokens) {
        var frames = new ByteArrayOutputStream();
        frames.writeBytes(event(
                "contentBlockStop",
                Json.createObjectBuilder().add("contentBlockIndex", 0).build()));
        if (messageStop) {
            frames.writeBytes(event(
                    "messageStop",
                    Json.createObjectBuilder().add("stopReason", "end_turn").build()));
        }
        frames.writeBytes(event(
                "metadata",
                Json.createObjectBuilder()
                        .add(
                                "usage",
                                Json.createObjectBuilder()
                                        .add("inputTokens", inputTokens)
                                        .add("outputTokens", outputTokens)
                                        .add("totalTokens", inputTokens + outputTokens))
                        .add("metrics", Json.createObjectBuilder().add("latencyMs", 640))
                        .build()));
        return frames.toByteArray();
    }

    @Override
    public byte[] malformed() {
        if (fault != null) {
            return fault.clone();
        }
        byte[] frame = piece("a delta damaged in flight");
        frame[frame.length - 6] ^= 0x55; // a payload byte: the message CRC no longer matches
        return frame;
    }

    private static JsonObject delta(String text) {
        return Json.createObjectBuilder()
                .add("contentBlockIndex", 0)
                .add("delta", Json.createObjectBuilder().add("text", text))
                .build();
    }

    /** One {@code event} frame. */
    static byte[] event(String type, JsonObject payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        return frame(headers, payload);
    }

    /** One {@code exception} frame, as Bedrock sends a failure in the middle of a stream. */
    static byte[] exception(String type, String message) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("exception"));
        headers.put(":exception-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        return frame(
                headers,
                Json.createObjectBuilder()
                        .add("message", message)
                        .add("originalStatusCode", 500)
                        .build());
    }

    private static byte[] frame(Map<String, HeaderValue> headers, JsonObject payload) {
        ByteBuffer encoded = new Message(headers, payload.toString().getBytes(StandardCharsets.UTF_8)).toByteBuffer();
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
