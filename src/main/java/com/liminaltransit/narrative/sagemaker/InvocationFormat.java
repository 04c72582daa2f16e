package com.liminaltransit.narrative.sagemaker;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.vendor.ChatCompletions;
import com.liminaltransit.narrative.vendor.WireJson;
import java.util.Locale;

/**
 * The JSON of the common LLM serving containers behind a SageMaker endpoint: {@code tgi} ({@link TextGeneration})
 * or {@code messages} (the {@link ChatCompletions} schema of LMI/vLLM/TGI's Messages API). Containers that report
 * no usage get token counts estimated at four characters a token.
 */
enum InvocationFormat {

    /** Text generation: one plain prompt in, generated text out. */
    TGI {
        @Override
        String body(Conversation conversation, int maxTokens, double temperature) {
            return WireJson.write(new TextGeneration.Request(
                    conversation.asPlainPrompt(), new TextGeneration.Parameters(maxTokens, temperature, true, false)));
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

    /** {@code tgi} or {@code messages}, as written in config. */
    static InvocationFormat of(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    private static int estimate(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }
}
