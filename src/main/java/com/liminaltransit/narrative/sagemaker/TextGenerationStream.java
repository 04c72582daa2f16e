package com.liminaltransit.narrative.sagemaker;

import static com.liminaltransit.narrative.Jsonp.JSON;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.Reply;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.function.Consumer;

/**
 * TGI's streamed answer ({@code "stream": true}, its {@code generate_stream}) on the wire: server-sent events whose
 * {@code data:} lines each hold one token, {@code {"token": {"text": "…", "special": false}, "generated_text": null,
 * "details": null}}; the last token's event also carries the whole {@code generated_text} and, asked for with
 * {@code details}, the token counts. LMI containers write the same objects as JSON lines without {@code data:}.
 * Special tokens ({@code </s>}) are not text. An {@code {"error": …}} event is the container failing mid-answer.
 */
final class TextGenerationStream implements InvocationFormat.StreamReader {

    private final Consumer<String> text;
    private boolean done;
    private Integer generatedTokens;
    private Integer inputLength;

    /** @param text receives each piece of the answer's text, in order */
    TextGenerationStream(Consumer<String> text) {
        this.text = text;
    }

    @Override
    public void line(String line) {
        if (done) {
            return;
        }
        String data;
        if (line.startsWith("data:")) {
            data = line.substring(5).strip();
        } else if (line.stripLeading().startsWith("{")) {
            data = line.strip(); // JSON lines
        } else {
            return; // blank separators, comments, event names, ids
        }
        JsonObject event = event(data);
        if (event.containsKey("error")) {
            throw new ProviderUnavailableException(
                    SageMakerProvider.NAME + "'s container reported an error mid-stream" + errorType(event));
        }
        if (event.get("token") instanceof JsonObject token
                && !token.getBoolean("special", false)
                && token.get("text") instanceof JsonString piece
                && !piece.getString().isEmpty()) {
            text.accept(piece.getString());
        }
        JsonValue details = event.get("details");
        if (details instanceof JsonObject counted) {
            generatedTokens = count(counted, "generated_tokens");
            inputLength = count(counted, "input_length");
        }
        if (event.get("generated_text") instanceof JsonString || details instanceof JsonObject) {
            done = true;
        }
    }

    @Override
    public boolean done() {
        return done;
    }

    @Override
    public Reply reply(String whole, String endpointName, Conversation conversation) {
        if (!done) {
            throw new ProviderUnavailableException(SageMakerProvider.NAME + "'s stream ended before its last token");
        }
        return Reply.text(
                whole,
                endpointName,
                inputLength != null ? inputLength : InvocationFormat.estimate(conversation.asPlainPrompt()),
                generatedTokens != null ? generatedTokens : InvocationFormat.estimate(whole));
    }

    private static JsonObject event(String data) {
        try (var reader = JSON.createReader(new StringReader(data))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProviderUnavailableException(SageMakerProvider.NAME + " sent a malformed stream event", e);
        }
    }

    private static Integer count(JsonObject details, String name) {
        return details.get(name) instanceof JsonNumber number ? number.intValue() : null;
    }

    private static String errorType(JsonObject event) {
        if (event.get("error_type") instanceof JsonString type
                && type.getString().length() <= 40) {
            return " (" + type.getString() + ")";
        }
        return "";
    }
}
