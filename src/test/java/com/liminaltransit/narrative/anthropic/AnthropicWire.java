package com.liminaltransit.narrative.anthropic;

import com.liminaltransit.testing.VendorStub;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.Map;

/**
 * Anthropic Messages answers and errors, as the API writes them: a narrative that is a JSON object comes back as
 * the forced tool's input; anything else as a text block.
 */
public final class AnthropicWire implements VendorStub.Wire {

    @Override
    public VendorStub.Answer success(String narrativeJson) {
        JsonObjectBuilder block;
        try {
            JsonObject input =
                    Json.createReader(new StringReader(narrativeJson)).readObject();
            block = Json.createObjectBuilder()
                    .add("type", "tool_use")
                    .add("id", "toolu_stub")
                    .add("name", "write_stop")
                    .add("input", input);
        } catch (JsonException notAnObject) {
            block = Json.createObjectBuilder().add("type", "text").add("text", narrativeJson);
        }
        String body = Json.createObjectBuilder()
                .add("id", "msg_stub")
                .add("type", "message")
                .add("role", "assistant")
                .add("model", "claude-stub-20260101")
                .add("content", Json.createArrayBuilder().add(block))
                .add("stop_reason", "tool_use")
                .addNull("stop_sequence")
                .add(
                        "usage",
                        Json.createObjectBuilder().add("input_tokens", 380).add("output_tokens", 142))
                .build()
                .toString();
        return new VendorStub.Answer(200, Map.of(), body);
    }

    @Override
    public VendorStub.Answer error(int status) {
        String type = switch (status) {
            case 429 -> "rate_limit_error";
            case 401 -> "authentication_error";
            case 529 -> "overloaded_error";
            case 400 -> "invalid_request_error";
            default -> "api_error";
        };
        String body = Json.createObjectBuilder()
                .add("type", "error")
                .add("error", Json.createObjectBuilder().add("type", type).add("message", "stub error " + status))
                .build()
                .toString();
        return new VendorStub.Answer(status, Map.of("request-id", "req_stub"), body);
    }
}
