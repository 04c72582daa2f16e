package com.liminaltransit.narrative.sagemaker;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.vendor.ChatCompletions;
import com.liminaltransit.narrative.vendor.ChatCompletionsStream;
import com.liminaltransit.narrative.vendor.WireJson;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The JSON of the common LLM serving containers behind a SageMaker endpoint: {@code tgi} ({@link TextGeneration})
 * or {@code messages} (the {@link ChatCompletions} schema of LMI/vLLM/TGI's Messages API). Containers that report
 * no usage get token counts estimated at four characters a token. Streamed, both answer in server-sent events:
 * TGI's {@code generate_stream} tokens ({@link TextGenerationStream}) or Chat Completions chunks
 * ({@link ChatCompletionsStream}).
 */
enum InvocationFormat {

    /** Text generation: one plain prompt in, generated text out. */
    TGI {
        @Override
        String body(Conversation conversation, int maxTokens, double temperature) {
            return WireJson.write(new TextGeneration.Request(
                    conversation.asPlainPrompt(),
                    new TextGeneration.Parameters(maxTokens, temperature, true, false, null)));
        }

        @Override
        String streamBody(Conversation conversation, int maxTokens, double temperature) {
            return WireJson.write(new TextGeneration.StreamRequest(
                    conversation.asPlainPrompt(),
                    new TextGeneration.Parameters(maxTokens, temperature, true, false, true),
                    true));
        }

        @Override
        StreamReader streamReader(Consumer<String> text) {
            return new TextGenerationStream(text);
        }

        @Override
        Reply read(String body, String model, Conversation conversation) {
            // TGI answers with a list of one; some handlers with the object alone
            TextGeneration.Generated answer = body.stripLeading().startsWith("[")
                    ? first(WireJson.read(SageMakerProvider.NAME, body, TextGeneration.Generated[].class))
                    : WireJson.read(SageMakerProvider.NAME, body, TextGeneration.Generated.class);
            String text = WireJson.required(SageMakerProvider.NAME, answer.generatedText(), "generated_text");
            Integer counted = answer.details() == null ? null : answer.details().generatedTokens();
            return Reply.text(
                    text, model, estimate(conversation.asPlainPrompt()), counted == null ? estimate(text) : counted);
        }

        private static TextGeneration.Generated first(TextGeneration.Generated[] answers) {
            return WireJson.required(SageMakerProvider.NAME, answers.length == 0 ? null : answers[0], "generated_text");
        }
    },

    /** Chat messages in the Chat Completions schema. */
    MESSAGES {
        @Override
        String body(Conversation conversation, int maxTokens, double temperature) {
            return WireJson.write(ChatCompletions.Request.of(null, conversation, maxTokens, temperature, false));
        }

        @Override
        String streamBody(Conversation conversation, int maxTokens, double temperature) {
            return WireJson.write(ChatCompletions.StreamRequest.of(null, conversation, maxTokens, temperature));
        }

        @Override
        StreamReader streamReader(Consumer<String> text) {
            var chunks = new ChatCompletionsStream.Reader(SageMakerProvider.NAME, text);
            return new StreamReader() {
                @Override
                public void line(String line) {
                    chunks.line(line);
                }

                @Override
                public boolean done() {
                    return chunks.done();
                }

                @Override
                public Reply reply(String whole, String endpointName, Conversation conversation) {
                    var ending = chunks.ending();
                    return Reply.text(
                            whole,
                            endpointName,
                            ending.promptTokens() > 0 ? ending.promptTokens() : estimate(conversation.asPlainPrompt()),
                            ending.completionTokens() > 0 ? ending.completionTokens() : estimate(whole));
                }
            };
        }

        @Override
        Reply read(String body, String model, Conversation conversation) {
            var answer = WireJson.read(SageMakerProvider.NAME, body, ChatCompletions.Response.class);
            String text = answer.text(SageMakerProvider.NAME);
            var usage = answer.usage();
            return usage == null
                    ? Reply.text(text, model, estimate(conversation.asPlainPrompt()), estimate(text))
                    : Reply.text(text, model, usage.promptTokens(), usage.completionTokens());
        }
    };

    /** The request body. */
    abstract String body(Conversation conversation, int maxTokens, double temperature);

    /** The model's answer from the response body. */
    abstract Reply read(String body, String model, Conversation conversation);

    /** The request body asking the container to stream its answer. */
    abstract String streamBody(Conversation conversation, int maxTokens, double temperature);

    /** Reads the container's streamed answer, handing each piece of the model's text to {@code text}. */
    abstract StreamReader streamReader(Consumer<String> text);

    /** A container's streamed answer, read line by line on the calling thread. */
    interface StreamReader {

        /**
         * Reads one line; lines after the final event are ignored.
         *
         * @throws com.liminaltransit.narrative.ProviderUnavailableException on a malformed line or an error event
         */
        void line(String line);

        /** Whether the final event ({@code [DONE]}, the last token) was read. */
        boolean done();

        /**
         * The whole answer: {@code whole} (the text handed on), the endpoint, the tokens as reported or estimated.
         *
         * @throws com.liminaltransit.narrative.ProviderUnavailableException when the stream ended before its final
         *     event
         */
        Reply reply(String whole, String endpointName, Conversation conversation);
    }

    /** {@code tgi} or {@code messages}, as written in config. */
    static InvocationFormat of(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    /** Tokens estimated at four characters a token, for containers that do not count them. */
    static int estimate(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }
}
