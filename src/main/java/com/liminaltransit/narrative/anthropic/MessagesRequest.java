package com.liminaltransit.narrative.anthropic;

import static com.liminaltransit.narrative.Jsonp.JSON;

import com.liminaltransit.narrative.Conversation;
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
        JsonArrayBuilder messages = JSON.createArrayBuilder();
        conversation
                .turns()
                .forEach(turn -> messages.add(
                        JSON.createObjectBuilder().add("role", turn.role()).add("content", turn.text())));
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("model", model)
                .add("max_tokens", maxTokens)
                .add("temperature", temperature)
                .add("system", conversation.system())
                .add("messages", messages);
        if (useTool) {
            body.add(
                            "tools",
                            JSON.createArrayBuilder()
                                    .add(JSON.createObjectBuilder()
                                            .add("name", TOOL)
                                            .add(
                                                    "description",
                                                    "Write the next stop of the ride, following every rule.")
                                            .add("input_schema", schema())))
                    .add(
                            "tool_choice",
                            JSON.createObjectBuilder().add("type", "tool").add("name", TOOL));
        }
        return body.build();
    }

    private static JsonObject schema() {
        JsonObject text = JSON.createObjectBuilder().add("type", "string").build();
        JsonObject choice = JSON.createObjectBuilder()
                .add("type", "object")
                .add("properties", JSON.createObjectBuilder().add("id", text).add("label", text))
                .add("required", JSON.createArrayBuilder().add("id").add("label"))
                .build();
        return JSON.createObjectBuilder()
                .add("type", "object")
                .add(
                        "properties",
                        JSON.createObjectBuilder()
                                .add("passage", text)
                                .add(
                                        "choices",
                                        JSON.createObjectBuilder()
                                                .add("type", "array")
                                                .add("items", choice)
                                                .add("maxItems", 4))
                                .add("ending", JSON.createObjectBuilder().add("type", "boolean"))
                                .add("summary", text))
                .add(
                        "required",
                        JSON.createArrayBuilder()
                                .add("passage")
                                .add("choices")
                                .add("ending")
                                .add("summary"))
                .build();
    }

    /** The same request for another model. */
    MessagesRequest withModel(String other) {
        return other.equals(model) ? this : new MessagesRequest(other, maxTokens, temperature, useTool);
    }
}
