package com.liminaltransit.narrative.sagemaker;

import com.liminaltransit.testing.StreamingStub;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * InvokeEndpointWithResponseStream as SageMaker writes it: an AWS event stream
 * ({@code application/vnd.amazon.eventstream}) of {@code PayloadPart} events whose payload is a slice of the
 * container's own bytes (the service model binds {@code PayloadPart.Bytes} as the event's payload, so they travel
 * raw, not as JSON). Inside, the container's server-sent events: TGI's {@code generate_stream} tokens or Chat
 * Completions chunks. Every line is cut across two payload parts, inside its first multi-byte character when it has
 * one, and the closing events come in three parts cut mid-line, as SageMaker's own buffering does.
 */
final class SageMakerStreamWire implements StreamingStub.Wire {

    /** What the container streams. */
    enum Container {
        /** TGI {@code generate_stream}: one token per event, the last with {@code generated_text} and details. */
        TGI,
        /** A Messages API (TGI, LMI, vLLM): Chat Completions chunks, usage, then {@code [DONE]}. */
        MESSAGES
    }

    private final Container container;
    private final boolean closingEvents;
    private final byte[] fault;

    private SageMakerStreamWire(Container container, boolean closingEvents, byte[] fault) {
        this.container = container;
        this.closingEvents = closingEvents;
        this.fault = fault;
    }

    /** A TGI container; its fault is a frame with a bad checksum. */
    static SageMakerStreamWire tgi() {
        return new SageMakerStreamWire(Container.TGI, true, badChecksum());
    }

    /** A container speaking the Messages API; its fault is a frame with a bad checksum. */
    static SageMakerStreamWire messages() {
        return new SageMakerStreamWire(Container.MESSAGES, true, badChecksum());
    }

    /** The same container, its fault this frame instead (an exception event, a malformed line). */
    SageMakerStreamWire failingWith(byte[] frame) {
        return new SageMakerStreamWire(container, closingEvents, frame);
    }

    /** The same container, whose stream ends cleanly without its final event. */
    SageMakerStreamWire withoutClosingEvents() {
        return new SageMakerStreamWire(container, false, fault);
    }

    @Override
    public String contentType() {
        return "application/vnd.amazon.eventstream";
    }

    @Override
    public byte[] head() {
        return container == Container.MESSAGES
                ? split(sse(chunk(Json.createObjectBuilder().add("role", "assistant"), null)))
                : new byte[0];
    }

    @Override
    public byte[] piece(String text) {
        String line = container == Container.MESSAGES
                ? chunk(Json.createObjectBuilder().add("content", text), null)
                : token(text, false, null);
        return split(sse(line));
    }

    @Override
    public byte[] tail(int inputTokens, int outputTokens) {
        if (!closingEvents) {
            return new byte[0];
        }
        String closing;
        if (container == Container.MESSAGES) {
            String usage = Json.createObjectBuilder()
                    .add("id", "chatcmpl-sagemaker")
                    .add("object", "chat.completion.chunk")
                    .add("model", "tgi")
                    .add("choices", Json.createArrayBuilder())
                    .add(
                            "usage",
                            Json.createObjectBuilder()
                                    .add("prompt_tokens", inputTokens)
                                    .add("completion_tokens", outputTokens))
                    .build()
                    .toString();
            closing = sse(chunk(Json.createObjectBuilder(), "stop")) + sse(usage) + "data: [DONE]\n\n";
        } else {
            // the end-of-sequence token, carrying what TGI says at the end (the whole text is not read by the app)
            closing = sse(token(
                    "</s>",
                    true,
                    Json.createObjectBuilder()
                            .add("finish_reason", "eos_token")
                            .add("generated_tokens", outputTokens)
                            .addNull("seed")
                            .add("input_length", inputTokens)
                            .build()));
        }
        byte[] bytes = closing.getBytes(StandardCharsets.UTF_8);
        int third = bytes.length / 3;
        return concat(
                payloadPart(slice(bytes, 0, third)),
                payloadPart(slice(bytes, third, 2 * third)),
                payloadPart(slice(bytes, 2 * third, bytes.length)));
    }

    @Override
    public byte[] malformed() {
        return fault.clone();
    }

    /** One {@code PayloadPart} event carrying {@code bytes} as its payload. */
    static byte[] payloadPart(byte[] bytes) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString("PayloadPart"));
        headers.put(":content-type", HeaderValue.fromString("application/octet-stream"));
        return new Message(headers, bytes).toByteBuffer().array();
    }

    /** A payload part carrying {@code text} whole. */
    static byte[] payloadPart(String text) {
        return payloadPart(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The exception event SageMaker sends when the model container fails mid-stream. */
    static byte[] modelStreamError() {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("exception"));
        headers.put(":exception-type", HeaderValue.fromString("ModelStreamError"));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        byte[] body = "{\"Message\": \"the model container stopped\", \"ErrorCode\": \"ModelStreamError\"}"
                .getBytes(StandardCharsets.UTF_8);
        return new Message(headers, body).toByteBuffer().array();
    }

    /** A payload part whose message checksum is wrong: the SDK's decoder refuses it. */
    static byte[] badChecksum() {
        byte[] frame = payloadPart("data: {\"token\": {\"text\": \" lost\", \"special\": false}}\n\n");
        frame[frame.length - 1] ^= 0x5A;
        return frame;
    }

    /** The line's bytes in two payload parts, cut inside its first multi-byte character if it has one, else mid-way. */
    private static byte[] split(String event) {
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        int cut = bytes.length / 2;
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0x80) != 0) {
                cut = i + 1;
                break;
            }
        }
        return concat(payloadPart(slice(bytes, 0, cut)), payloadPart(slice(bytes, cut, bytes.length)));
    }

    private static String token(String text, boolean special, JsonObject details) {
        var event = Json.createObjectBuilder()
                .add("index", 1)
                .add(
                        "token",
                        Json.createObjectBuilder()
                                .add("id", 42)
                                .add("text", text)
                                .add("logprob", -0.25)
                                .add("special", special));
        if (details == null) {
            event.addNull("generated_text").addNull("details");
        } else {
            event.add("generated_text", "(the whole answer)").add("details", details);
        }
        return event.build().toString();
    }

    private static String chunk(JsonObjectBuilder delta, String finishReason) {
        var choice = Json.createObjectBuilder().add("index", 0).add("delta", delta);
        if (finishReason == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finishReason);
        }
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-sagemaker")
                .add("object", "chat.completion.chunk")
                .add("model", "tgi")
                .add("choices", Json.createArrayBuilder().add(choice))
                .build()
                .toString();
    }

    private static String sse(String data) {
        return "data:" + data + "\n\n";
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
