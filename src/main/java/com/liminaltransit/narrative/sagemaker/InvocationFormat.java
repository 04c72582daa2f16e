package com.liminaltransit.narrative.sagemaker;

import static com.liminaltransit.narrative.Jsonp.JSON;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * The JSON of the common LLM serving containers behind a SageMaker endpoint.
 * <ul>
 *   <li>{@code tgi} (Hugging Face TGI, DJL/LMI default handlers): {@code {"inputs": prompt, "parameters": {…}}}
 *       answered by {@code [{"generated_text": …}]} (or the same object without the array);</li>
 *   <li>{@code messages} (LMI/vLLM/TGI Messages API): OpenAI-style {@code {"messages": […]}} answered by
 *       {@code {"choices": [{"message": {"content": …}}], "usage": {…}}}.</li>
 * </ul>
 * Containers that report no usage get token counts estimated at four characters a token.
 */
enum InvocationFormat {

    /** Text generation: one plain prompt in, generated text out. */
    TGI {
        @Override
        String body(Conversation conversation, int maxTokens, double temperature) {
            return JSON.createObjectBuilder()
                    .add("inputs", conversation.asPlainPrompt())
                    .add(
                            "parameters",
                            JSON.createObjectBuilder()
                                    .add("max_new_tokens", maxTokens)
                                    .add("temperature", temperature)
                                    .add("do_sample", true)
                                    .add("return_full_text", false))
                    .build()
                    .toString();
        }

        @Override
        Reply read(String body, String model, Conversation conversation) {
            JsonValue value = parse(body);
            JsonValue first = value instanceof JsonArray array && !array.isEmpty() ? array.get(0) : value;
            if (!(first instanceof JsonObject object)
                    || !(object.get("generated_text") instanceof jakarta.json.JsonString)) {
                throw new ProviderUnavailableException("sagemaker answered without generated_text");
            }
            String text = object.getString("generated_text");
            JsonObject details = object.getJsonObject("details");
            int output = details != null ? details.getInt("generated_tokens", estimate(text)) : estimate(text);
            return Reply.text(text, model, estimate(conversation.asPlainPrompt()), output);
        }
    },

    /** Chat messages in the OpenAI schema. */
    MESSAGES {
        @Override
        String body(Conversation conversation, int maxTokens, double temperature) {
            JsonArrayBuilder messages = JSON.createArrayBuilder()
                    .add(JSON.createObjectBuilder().add("role", "system").add("content", conversation.system()));
            conversation
                    .turns()
                    .forEach(turn -> messages.add(
                            JSON.createObjectBuilder().add("role", turn.role()).add("content", turn.text())));
            return JSON.createObjectBuilder()
                    .add("messages", messages)
                    .add("max_tokens", maxTokens)
                    .add("temperature", temperature)
                    .build()
                    .toString();
        }

        @Override
        Reply read(String body, String model, Conversation conversation) {
            try {
                JsonObject object = parse(body).asJsonObject();
                JsonObject message =
                        object.getJsonArray("choices").getJsonObject(0).getJsonObject("message");
                if (!(message.get("content") instanceof jakarta.json.JsonString)) {
                    throw new InvalidNarrativeException("the model answered without text");
                }
                String text = message.getString("content");
                JsonObject usage = object.getJsonObject("usage");
                int input = usage == null ? estimate(conversation.asPlainPrompt()) : usage.getInt("prompt_tokens", 0);
                int output = usage == null ? estimate(text) : usage.getInt("completion_tokens", 0);
                return Reply.text(text, model, input, output);
            } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
                throw new ProviderUnavailableException("sagemaker answered in an unexpected shape");
            }
        }
    };

    /** The request body. */
    abstract String body(Conversation conversation, int maxTokens, double temperature);

    /** The model's answer from the response body. */
    abstract Reply read(String body, String model, Conversation conversation);

    /** {@code tgi} or {@code messages}, as written in config. */
    static InvocationFormat of(String name) {
        return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    }

    private static JsonValue parse(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new ProviderUnavailableException("sagemaker sent a body that is not JSON");
        }
    }

    private static int estimate(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }
}
