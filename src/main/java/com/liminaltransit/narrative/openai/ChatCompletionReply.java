package com.liminaltransit.narrative.openai;

import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The Chat Completions answer on the wire:
 * {@code {"model": …, "choices": [{"message": {"content": …}, "finish_reason": …}], "usage": {…}}}.
 */
final class ChatCompletionReply {

    private ChatCompletionReply() {}

    static Reply read(JsonObject body, String requestedModel) {
        try {
            var choices = body.getJsonArray("choices");
            if (choices == null || choices.isEmpty()) {
                throw new ProviderUnavailableException("openai answered without choices");
            }
            JsonObject message = choices.getJsonObject(0).getJsonObject("message");
            JsonValue content = message == null ? null : message.get("content");
            if (content == null || content.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidNarrativeException("the model answered without text (a refusal or an empty message)");
            }
            JsonObject usage = body.getJsonObject("usage");
            int input = usage == null ? 0 : usage.getInt("prompt_tokens", 0);
            int output = usage == null ? 0 : usage.getInt("completion_tokens", 0);
            return Reply.text(message.getString("content"), body.getString("model", requestedModel), input, output);
        } catch (ClassCastException e) {
            throw new ProviderUnavailableException("openai answered in an unexpected shape");
        }
    }
}
