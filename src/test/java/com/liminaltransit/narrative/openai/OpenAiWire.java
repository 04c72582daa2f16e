package com.liminaltransit.narrative.openai;

import com.liminaltransit.testing.VendorStub;
import jakarta.json.Json;
import java.util.Map;

/** OpenAI Chat Completions answers and errors, as the API writes them. */
public final class OpenAiWire implements VendorStub.Wire {

    @Override
    public VendorStub.Answer success(String narrativeJson) {
        String body = Json.createObjectBuilder()
                .add("id", "chatcmpl-stub")
                .add("object", "chat.completion")
                .add("created", 1_764_000_000)
                .add("model", "gpt-stub-2026-01-01")
                .add(
                        "choices",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("index", 0)
                                        .add(
                                                "message",
                                                Json.createObjectBuilder()
                                                        .add("role", "assistant")
                                                        .add("content", narrativeJson)
                                                        .addNull("refusal"))
                                        .add("finish_reason", "stop")))
                .add(
                        "usage",
                        Json.createObjectBuilder()
                                .add("prompt_tokens", 412)
                                .add("completion_tokens", 131)
                                .add("total_tokens", 543))
                .build()
                .toString();
        return new VendorStub.Answer(200, Map.of(), body);
    }

    @Override
    public VendorStub.Answer error(int status) {
        String type = switch (status) {
            case 429 -> "requests";
            case 401 -> "invalid_request_error";
            default -> "server_error";
        };
        String body = Json.createObjectBuilder()
                .add(
                        "error",
                        Json.createObjectBuilder()
                                .add("message", "stub error " + status)
                                .add("type", type)
                                .addNull("param")
                                .add("code", status == 401 ? "invalid_api_key" : "stub"))
                .build()
                .toString();
        return new VendorStub.Answer(status, Map.of(), body);
    }

    /**
     * A {@code "stream": true} answer as OpenAI writes it: {@code text} cut into {@code piece}-character deltas, one
     * {@code data:} chunk each, a last chunk with the finish reason and one with usage, then {@code data: [DONE]}.
     */
    public static VendorStub.Answer streamed(String text, int piece) {
        return new VendorStub.Answer(
                200, Map.of("Content-Type", "text/event-stream"), String.join("", streamedChunks(text, piece)));
    }

    /** The events of {@link #streamed}, one string each (ending in a blank line), to send with pauses between. */
    public static java.util.List<String> streamedChunks(String text, int piece) {
        var events = new java.util.ArrayList<String>();
        events.add(
                event(chunk(Json.createObjectBuilder().add("role", "assistant").add("content", ""), null)));
        for (int i = 0; i < text.length(); i += piece) {
            String delta = text.substring(i, Math.min(text.length(), i + piece));
            events.add(event(chunk(Json.createObjectBuilder().add("content", delta), null)));
        }
        events.add(event(chunk(Json.createObjectBuilder(), "stop")));
        events.add(event(Json.createObjectBuilder()
                .add("id", "chatcmpl-stub")
                .add("object", "chat.completion.chunk")
                .add("model", "gpt-stub-2026-01-01")
                .add("choices", Json.createArrayBuilder())
                .add(
                        "usage",
                        Json.createObjectBuilder()
                                .add("prompt_tokens", 412)
                                .add("completion_tokens", 131)
                                .add("total_tokens", 543))
                .build()
                .toString()));
        events.add("data: [DONE]\n\n");
        return events;
    }

    private static String chunk(jakarta.json.JsonObjectBuilder delta, String finishReason) {
        var choice = Json.createObjectBuilder().add("index", 0).add("delta", delta);
        if (finishReason == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finishReason);
        }
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-stub")
                .add("object", "chat.completion.chunk")
                .add("created", 1_764_000_000)
                .add("model", "gpt-stub-2026-01-01")
                .add("choices", Json.createArrayBuilder().add(choice))
                .build()
                .toString();
    }

    private static String event(String json) {
        return "data: " + json + "\n\n";
    }
}
