package com.liminaltransit.narrative.vendor;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Chat Completions schema on the wire: OpenAI's, and that of the servers that copy it (vLLM, Ollama, llama.cpp,
 * the Messages API of TGI and LMI containers behind SageMaker).
 */
public final class ChatCompletions {

    private ChatCompletions() {}

    /**
     * {@code POST …/chat/completions}.
     *
     * @param model          model name; {@code null} where the server has one model
     * @param messages       the system prompt, then the turns
     * @param maxTokens      answer budget
     * @param temperature    sampling temperature
     * @param responseFormat {@link ResponseFormat#JSON} for JSON mode, else {@code null}
     */
    public record Request(
            String model, List<Message> messages, int maxTokens, double temperature, ResponseFormat responseFormat) {

        /** The conversation as chat messages, the system prompt first. */
        public static Request of(
                String model, Conversation conversation, int maxTokens, double temperature, boolean jsonMode) {
            List<Message> messages = new ArrayList<>();
            messages.add(new Message("system", conversation.system()));
            conversation.turns().forEach(turn -> messages.add(new Message(turn.role(), turn.text())));
            return new Request(model, messages, maxTokens, temperature, jsonMode ? ResponseFormat.JSON : null);
        }
    }

    /**
     * {@code POST …/chat/completions} with {@code "stream": true}: plain text (the streaming shape is prose, a marker,
     * then JSON, so no JSON mode), the usage asked for in the last chunk.
     *
     * @param model         model name; {@code null} where the server has one model
     * @param messages      the system prompt, then the turns
     * @param maxTokens     answer budget
     * @param temperature   sampling temperature
     * @param stream        always {@code true}
     * @param streamOptions {@code {"include_usage": true}}
     */
    public record StreamRequest(
            String model,
            List<Message> messages,
            int maxTokens,
            double temperature,
            boolean stream,
            StreamOptions streamOptions) {

        /** The conversation as chat messages, streamed. */
        public static StreamRequest of(String model, Conversation conversation, int maxTokens, double temperature) {
            Request plain = Request.of(model, conversation, maxTokens, temperature, false);
            return new StreamRequest(model, plain.messages(), maxTokens, temperature, true, new StreamOptions(true));
        }
    }

    /**
     * What a stream reports besides its text.
     *
     * @param includeUsage whether the last chunk carries the token counts
     */
    public record StreamOptions(boolean includeUsage) {}

    /**
     * One message.
     *
     * @param role    {@code system}, {@code user} or {@code assistant}
     * @param content its text; {@code null} in an answer that is a refusal or a tool call
     */
    public record Message(String role, String content) {}

    /**
     * {@code {"type": "json_object"}}: the model answers with one JSON object.
     *
     * @param type the format
     */
    public record ResponseFormat(String type) {
        static final ResponseFormat JSON = new ResponseFormat("json_object");
    }

    /**
     * The answer: {@code {"model": …, "choices": [{"message": {"content": …}, "finish_reason": …}], "usage": {…}}}.
     *
     * @param model   the model that answered
     * @param choices the answers (we ask for one)
     * @param usage   token counts, if the server reports them
     */
    public record Response(String model, List<Choice> choices, Usage usage) {

        /**
         * The first answer's text.
         *
         * @throws ProviderUnavailableException without choices: the server is unwell
         * @throws InvalidNarrativeException    without text (a refusal, an empty message): the model failed the step
         */
        public String text(String vendor) {
            if (choices == null || choices.isEmpty()) {
                throw new ProviderUnavailableException(vendor + " answered without choices");
            }
            Choice first = choices.getFirst();
            Message message = first == null ? null : first.message();
            if (message == null || message.content() == null) {
                throw new InvalidNarrativeException("the model answered without text (a refusal or an empty message)");
            }
            return message.content();
        }
    }

    /**
     * One answer.
     *
     * @param message      what the model wrote
     * @param finishReason why it stopped
     */
    public record Choice(Message message, String finishReason) {}

    /**
     * Token counts.
     *
     * @param promptTokens     read
     * @param completionTokens written
     */
    public record Usage(int promptTokens, int completionTokens) {}
}
