package com.liminaltransit.narrative.anthropic;

import com.liminaltransit.narrative.Conversation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The Messages API request on the wire ({@code POST {base-url}/v1/messages}), with one tool whose input schema is
 * the AI contract and {@code tool_choice} forcing it, so the model answers with a JSON object, not prose.
 *
 * @param model       model name
 * @param maxTokens   answer budget
 * @param temperature sampling temperature
 * @param useTool     structured output through the tool; otherwise JSON in text
 */
record MessagesRequest(String model, int maxTokens, double temperature, boolean useTool) {

    /** The tool the model is made to call. */
    static final String TOOL = "write_stop";

    JsonObject body(Conversation conversation) {
        JsonArrayBuilder messages = Json.createArrayBuilder();
        conversation.turns().forEach(turn -> messages.add(Json.createObjectBuilder()
                .add("role", turn.role()).add("content", turn.text())));
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("model", model)
                .add("max_tokens", maxTokens)
                .add("temperature", temperature)
                .add("system", conversation.system())
                .add("messages", messages);
        if (useTool) {
            body.add("tools", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("name", TOOL)
                            .add("description", "Write the next stop of the ride, following every rule.")
                            .add("input_schema", schema())))
                    .add("tool_choice", Json.createObjectBuilder().add("type", "tool").add("name", TOOL));
        }
        return body.build();
    }

    private static JsonObject schema() {
        JsonObject text = Json.createObjectBuilder().add("type", "string").build();
        JsonObject choice = Json.createObjectBuilder()
                .add("type", "object")
                .add("properties", Json.createObjectBuilder().add("id", text).add("label", text))
                .add("required", Json.createArrayBuilder().add("id").add("label"))
                .build();
        return Json.createObjectBuilder()
                .add("type", "object")
                .add("properties", Json.createObjectBuilder()
                        .add("passage", text)
                        .add("choices", Json.createObjectBuilder().add("type", "array").add("items", choice)
                                .add("maxItems", 4))
                        .add("ending", Json.createObjectBuilder().add("type", "boolean"))
                        .add("summary", text))
                .add("required", Json.createArrayBuilder().add("passage").add("choices").add("ending").add("summary"))
                .build();
    }
}
