package com.liminaltransit.narrative.openai;

import com.liminaltransit.testing.StreamingStub;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * Chat Completions with {@code "stream": true} as OpenAI writes it: {@code data:} lines of
 * {@code chat.completion.chunk} objects, the role first, a usage-only chunk last, then {@code data: [DONE]}.
 */
public final class OpenAiStreamWire implements StreamingStub.Wire {

    @Override
    public String contentType() {
        return "text/event-stream; charset=utf-8";
    }

    @Override
    public byte[] head() {
        return event(chunk(Json.createObjectBuilder().add("role", "assistant").add("content", ""), null));
    }

    @Override
    public byte[] piece(String text) {
        return event(chunk(Json.createObjectBuilder().add("content", text), null));
    }

    @Override
    public byte[] tail(int inputTokens, int outputTokens) {
        String stop = chunk(Json.createObjectBuilder(), "stop");
        String usage = Json.createObjectBuilder()
                .add("id", "chatcmpl-stream")
                .add("object", "chat.completion.chunk")
                .add("model", "gpt-stub-2026-01-01")
                .add("choices", Json.createArrayBuilder())
                .add(
                        "usage",
                        Json.createObjectBuilder()
                                .add("prompt_tokens", inputTokens)
                                .add("completion_tokens", outputTokens)
                                .add("total_tokens", inputTokens + outputTokens))
                .build()
                .toString();
        return (new String(event(stop), StandardCharsets.UTF_8)
                        + new String(event(usage), StandardCharsets.UTF_8)
                        + "data: [DONE]\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] malformed() {
        return "data: {\"id\": \"chatcmpl-stream\", \"choices\": [{\"delta\": {\"content\": \"half\n\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String chunk(jakarta.json.JsonObjectBuilder delta, String finishReason) {
        var choice = Json.createObjectBuilder().add("index", 0).add("delta", delta);
        if (finishReason == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finishReason);
        }
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-stream")
                .add("object", "chat.completion.chunk")
                .add("created", 1_764_000_000)
                .add("model", "gpt-stub-2026-01-01")
                .add("choices", Json.createArrayBuilder().add(choice))
                .build()
                .toString();
    }

    private static byte[] event(String data) {
        return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
