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
}
