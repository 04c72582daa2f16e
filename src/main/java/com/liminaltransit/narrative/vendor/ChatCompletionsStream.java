package com.liminaltransit.narrative.vendor;

import com.liminaltransit.narrative.Jsonp;
import com.liminaltransit.narrative.ProviderUnavailableException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Chat Completions with {@code "stream": true} on the wire: server-sent events whose {@code data:} lines each hold a
 * chunk {@code {"choices": [{"delta": {"content": "…"}}]}}, the last chunk possibly only {@code usage} (with
 * {@code stream_options.include_usage}), then {@code data: [DONE]}. Each piece of text is handed on as it is read;
 * a malformed chunk or a stream that ends before {@code [DONE]} is the provider's failure, and what was handed on
 * before it stays handed on.
 */
public final class ChatCompletionsStream {

    private ChatCompletionsStream() {}

    /**
     * What the stream said besides its text.
     *
     * @param model            the model that answered, if a chunk named it
     * @param promptTokens     read (0 unless the server reported usage)
     * @param completionTokens written (0 unless reported)
     * @param finishReason     why it stopped ({@code stop}, {@code length}, …), if said
     */
    public record Ending(String model, int promptTokens, int completionTokens, String finishReason) {}

    /**
     * Reads the event stream line by line until {@code [DONE]}.
     *
     * @param vendor  the provider's name, for messages
     * @param lines   the response body's lines, read as they arrive
     * @param content receives each piece of the answer's text, in order
     * @throws ProviderUnavailableException on a malformed chunk, an error event, or an end before {@code [DONE]}
     */
    public static Ending read(String vendor, Iterator<String> lines, Consumer<String> content) {
        var reader = new Reader(vendor, content);
        while (lines.hasNext() && !reader.done()) {
            reader.line(lines.next());
        }
        return reader.ending();
    }

    /** Reads the event stream as its lines are pushed in, one at a time. */
    public static final class Reader {
        private final String vendor;
        private final Consumer<String> content;
        private String model;
        private String finishReason;
        private int promptTokens;
        private int completionTokens;
        private boolean done;

        /**
         * @param vendor  the provider's name, for messages
         * @param content receives each piece of the answer's text, in order
         */
        public Reader(String vendor, Consumer<String> content) {
            this.vendor = vendor;
            this.content = content;
        }

        /**
         * Reads one line of the stream; lines after {@code [DONE]} are ignored.
         *
         * @throws ProviderUnavailableException on a malformed chunk or an error event
         */
        public void line(String line) {
            if (done || !line.startsWith("data:")) {
                return; // blank separators, comments (": keep-alive"), event names, ids
            }
            String data = line.substring(5).strip();
            if (data.equals("[DONE]")) {
                done = true;
                return;
            }
            JsonObject chunk = chunk(vendor, data);
            if (chunk.containsKey("error")) {
                throw new ProviderUnavailableException(vendor + " reported an error mid-stream");
            }
            if (chunk.get("model") instanceof JsonString named) {
                model = named.getString();
            }
            if (chunk.get("usage") instanceof JsonObject usage) {
                promptTokens = usage.getInt("prompt_tokens", promptTokens);
                completionTokens = usage.getInt("completion_tokens", completionTokens);
            }
            if (chunk.get("choices") instanceof JsonArray choices && !choices.isEmpty()) {
                if (!(choices.getFirst() instanceof JsonObject first)) {
                    throw malformed(vendor);
                }
                if (first.get("delta") instanceof JsonObject delta
                        && delta.get("content") instanceof JsonString text
                        && !text.getString().isEmpty()) {
                    content.accept(text.getString());
                }
                JsonValue reason = first.get("finish_reason");
                if (reason instanceof JsonString said) {
                    finishReason = said.getString();
                }
            }
        }

        /** Whether {@code [DONE]} was read. */
        public boolean done() {
            return done;
        }

        /**
         * What the stream said besides its text.
         *
         * @throws ProviderUnavailableException when it ended before {@code [DONE]}
         */
        public Ending ending() {
            if (!done) {
                throw new ProviderUnavailableException(vendor + "'s stream ended before [DONE]");
            }
            return new Ending(model, promptTokens, completionTokens, finishReason);
        }
    }

    /** Read with the provider looked up once ({@link Jsonp}): a stream has a chunk per token. */
    private static JsonObject chunk(String vendor, String data) {
        try (var reader = Jsonp.JSON.createReader(new StringReader(data))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw malformed(vendor);
        }
    }

    private static ProviderUnavailableException malformed(String vendor) {
        return new ProviderUnavailableException(vendor + " sent a malformed stream chunk");
    }
}
