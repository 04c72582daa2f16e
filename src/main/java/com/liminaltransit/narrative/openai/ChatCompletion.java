package com.liminaltransit.narrative.openai;

import static com.liminaltransit.narrative.Jsonp.JSON;

import com.liminaltransit.narrative.Conversation;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The Chat Completions request on the wire: {@code POST {base-url}/chat/completions}.
 *
 * @param model       model name
 * @param maxTokens   answer budget
 * @param temperature sampling temperature
 * @param jsonMode    ask for {@code response_format: {"type": "json_object"}}
 */
record ChatCompletion(String model, int maxTokens, double temperature, boolean jsonMode) {

    JsonObject body(Conversation conversation) {
        JsonArrayBuilder messages = JSON.createArrayBuilder().add(message("system", conversation.system()));
        conversation.turns().forEach(turn -> messages.add(message(turn.role(), turn.text())));
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("model", model)
                .add("messages", messages)
                .add("max_tokens", maxTokens)
                .add("temperature", temperature);
        if (jsonMode) {
            body.add("response_format", JSON.createObjectBuilder().add("type", "json_object"));
        }
        return body.build();
    }

    /** The same request for another model. */
    ChatCompletion withModel(String other) {
        return other.equals(model) ? this : new ChatCompletion(other, maxTokens, temperature, jsonMode);
    }

    private static JsonObject message(String role, String content) {
        return JSON.createObjectBuilder()
                .add("role", role)
                .add("content", content)
                .build();
    }
}
