package com.liminaltransit.narrative.anthropic;

import static com.liminaltransit.narrative.Jsonp.JSON;

import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.vendor.ProviderFailures;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.function.Consumer;

/**
 * The Messages API with {@code "stream": true} on the wire: server-sent events, each an {@code event:} name and a
 * {@code data:} JSON object whose {@code type} repeats it. {@code message_start} carries the model and the input
 * tokens; each {@code content_block_delta} whose delta is a {@code text_delta} carries a piece of the text;
 * {@code message_delta} the stop reason and the output tokens so far; {@code message_stop} ends the message.
 * {@code ping}, {@code content_block_start}/{@code _stop} and event types Anthropic may add are passed over. An
 * {@code error} event (an {@code overloaded_error} mid-stream, say) fails the call as the HTTP status its type stands
 * for would; a malformed event or a stream that ends before {@code message_stop} is the provider's failure. Text
 * handed on before a failure stays handed on.
 */
final class MessagesStream {

    private MessagesStream() {}

    /**
     * What the stream said besides its text.
     *
     * @param model        the model that answered, if {@code message_start} named it
     * @param inputTokens  read (0 unless reported)
     * @param outputTokens written (0 unless reported; {@code message_delta} counts are cumulative)
     * @param stopReason   why it stopped ({@code end_turn}, {@code max_tokens}, …), if said
     */
    record Ending(String model, int inputTokens, int outputTokens, String stopReason) {}

    /**
     * Reads the event stream as its lines are pushed in, one at a time. Data lines are gathered until the blank line
     * that ends their event, as server-sent events are defined, so an event whose data spans lines reads as one.
     */
    static final class Reader {
        private final String vendor;
        private final Consumer<String> text;
        private final StringBuilder data = new StringBuilder();
        private String event;
        private boolean hasData;
        private String model;
        private String stopReason;
        private int inputTokens;
        private int outputTokens;
        private boolean done;

        /**
         * @param vendor the provider's name, for messages
         * @param text   receives each piece of the answer's text, in order
         */
        Reader(String vendor, Consumer<String> text) {
            this.vendor = vendor;
            this.text = text;
        }

        /**
         * Reads one line of the stream; lines after {@code message_stop} are ignored. An event is read at the blank
         * line that ends it.
         *
         * @throws NarrativeException on a malformed event or an error event
         */
        void line(String line) {
            if (done) {
                return;
            }
            if (line.isEmpty()) {
                dispatch();
                return;
            }
            if (line.startsWith(":")) {
                return; // a comment: a keep-alive
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> event = value;
                case "data" -> {
                    if (hasData) {
                        data.append('\n');
                    }
                    data.append(value);
                    hasData = true;
                }
                default -> {
                    // id, retry and fields SSE ignores
                }
            }
        }

        /** Whether {@code message_stop} was read. */
        boolean done() {
            return done;
        }

        /**
         * What the stream said besides its text, once it has ended. An event still waiting for its blank line (a last
         * line without one) is read first.
         *
         * @throws ProviderUnavailableException when it ended before {@code message_stop}
         */
        Ending ending() {
            if (!done) {
                dispatch();
            }
            if (!done) {
                throw new ProviderUnavailableException(vendor + "'s stream ended before message_stop");
            }
            return new Ending(model, inputTokens, outputTokens, stopReason);
        }

        private void dispatch() {
            String named = event;
            event = null;
            if (!hasData) {
                return; // an event without data is not dispatched
            }
            String payload = data.toString();
            data.setLength(0);
            hasData = false;
            JsonObject object = object(payload);
            String type = object.get("type") instanceof JsonString said ? said.getString() : named;
            if (type == null) {
                throw malformed();
            }
            switch (type) {
                case "message_start" -> started(object);
                case "content_block_start" -> blockStarted(object);
                case "content_block_delta" -> delta(object);
                case "message_delta" -> messageDelta(object);
                case "message_stop" -> done = true;
                case "error" -> throw failure(object);
                default -> {
                    // ping, content_block_stop, and event types added later: nothing to read
                }
            }
        }

        private void started(JsonObject object) {
            if (!(object.get("message") instanceof JsonObject message)) {
                throw malformed();
            }
            if (message.get("model") instanceof JsonString named) {
                model = named.getString();
            }
            if (message.get("usage") instanceof JsonObject usage) {
                counted(usage);
            }
        }

        /** A text block may start with text of its own (it is empty as Anthropic writes it today). */
        private void blockStarted(JsonObject object) {
            if (!(object.get("content_block") instanceof JsonObject block)) {
                throw malformed();
            }
            if (block.get("type") instanceof JsonString type
                    && type.getString().equals("text")
                    && block.get("text") instanceof JsonString start) {
                hand(start.getString());
            }
        }

        /** Text deltas only: tool input, thinking, citations and signatures are not the passage. */
        private void delta(JsonObject object) {
            if (!(object.get("delta") instanceof JsonObject delta)) {
                throw malformed();
            }
            if (delta.get("type") instanceof JsonString type && type.getString().equals("text_delta")) {
                if (!(delta.get("text") instanceof JsonString piece)) {
                    throw malformed();
                }
                hand(piece.getString());
            }
        }

        private void messageDelta(JsonObject object) {
            if (object.get("delta") instanceof JsonObject delta && delta.get("stop_reason") instanceof JsonString why) {
                stopReason = why.getString();
            }
            if (object.get("usage") instanceof JsonObject usage) {
                counted(usage);
            }
        }

        private void counted(JsonObject usage) {
            inputTokens = usage.getInt("input_tokens", inputTokens);
            outputTokens = usage.getInt("output_tokens", outputTokens);
        }

        private void hand(String piece) {
            if (!piece.isEmpty()) {
                text.accept(piece);
            }
        }

        /** The error event as the HTTP status its type stands for, mapped as a non-streamed error would be. */
        private NarrativeException failure(JsonObject object) {
            String type = null;
            String message = null;
            if (object.get("error") instanceof JsonObject error) {
                type = error.get("type") instanceof JsonString said ? said.getString() : null;
                message = error.get("message") instanceof JsonString said ? said.getString() : null;
            }
            String detail =
                    "error event mid-stream: " + (type == null ? "" : type + " ") + (message == null ? "" : message);
            return ProviderFailures.forStatus(vendor, status(type), null, detail);
        }

        private JsonObject object(String payload) {
            try (var reader = JSON.createReader(new StringReader(payload))) {
                return reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                throw malformed();
            }
        }

        private ProviderUnavailableException malformed() {
            return new ProviderUnavailableException(vendor + " sent a malformed stream event");
        }
    }

    /**
     * The HTTP status Anthropic answers with for an error type outside a stream (its documented table); an unknown
     * type is taken as its internal error.
     */
    static int status(String errorType) {
        if (errorType == null) {
            return 500;
        }
        return switch (errorType) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "billing_error" -> 402;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "timeout_error" -> 504;
            case "overloaded_error" -> 529;
            default -> 500; // api_error, and types added later
        };
    }
}
