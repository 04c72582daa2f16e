package com.liminaltransit.narrative.anthropic;

import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The Messages API answer on the wire: {@code {"model": …, "content": [{"type": "tool_use", "input": {…}} |
 * {"type": "text", "text": …}], "usage": {"input_tokens": …, "output_tokens": …}}}.
 */
final class MessagesReply {

    private MessagesReply() {}

    static Reply read(JsonObject body, String requestedModel) {
        try {
            var content = body.getJsonArray("content");
            if (content == null) {
                throw new ProviderUnavailableException("anthropic answered without content");
            }
            JsonObject usage = body.getJsonObject("usage");
            int input = usage == null ? 0 : usage.getInt("input_tokens", 0);
            int output = usage == null ? 0 : usage.getInt("output_tokens", 0);
            String model = body.getString("model", requestedModel);
            StringBuilder text = new StringBuilder();
            for (JsonValue value : content) {
                JsonObject block = value.asJsonObject();
                String type = block.getString("type", "");
                if ("tool_use".equals(type) && block.get("input") instanceof JsonObject arguments) {
                    return new Reply(arguments.toString(), arguments, model, input, output);
                }
                if ("text".equals(type)) {
                    text.append(block.getString("text", ""));
                }
            }
            if (text.isEmpty()) {
                throw new InvalidNarrativeException("the model answered with neither the tool nor text");
            }
            return Reply.text(text.toString(), model, input, output);
        } catch (ClassCastException e) {
            throw new ProviderUnavailableException("anthropic answered in an unexpected shape");
        }
    }
}
