package com.liminaltransit.narrative.bedrock;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/**
 * One Converse request and the reading of its answer: the same code path for Claude, Titan, Llama, Mistral and
 * the other Converse models. Titan Text takes no system prompt, so for {@code amazon.titan*} it leads the first
 * user turn instead.
 *
 * @param modelId     the Bedrock model id (or inference profile)
 * @param maxTokens   answer budget
 * @param temperature sampling temperature
 */
record ConverseCall(String modelId, int maxTokens, float temperature) {

    ConverseRequest request(Conversation conversation) {
        ConverseRequest.Builder request = ConverseRequest.builder()
                .modelId(modelId)
                .messages(messages(conversation))
                .inferenceConfig(inferenceConfig());
        if (systemAllowed()) {
            request.system(SystemContentBlock.fromText(conversation.system()));
        }
        return request.build();
    }

    /** The same conversation for ConverseStream: plain text, no tool use, as the streaming shape asks. */
    ConverseStreamRequest streamRequest(Conversation conversation) {
        ConverseStreamRequest.Builder request = ConverseStreamRequest.builder()
                .modelId(modelId)
                .messages(messages(conversation))
                .inferenceConfig(inferenceConfig());
        if (systemAllowed()) {
            request.system(SystemContentBlock.fromText(conversation.system()));
        }
        return request.build();
    }

    private boolean systemAllowed() {
        return !modelId.startsWith("amazon.titan");
    }

    private List<Message> messages(Conversation conversation) {
        boolean systemAllowed = systemAllowed();
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < conversation.turns().size(); i++) {
            Conversation.Turn turn = conversation.turns().get(i);
            String text = i == 0 && !systemAllowed ? conversation.system() + "\n\n" + turn.text() : turn.text();
            messages.add(Message.builder()
                    .role(
                            Conversation.Turn.USER.equals(turn.role())
                                    ? ConversationRole.USER
                                    : ConversationRole.ASSISTANT)
                    .content(ContentBlock.fromText(text))
                    .build());
        }
        return messages;
    }

    private InferenceConfiguration inferenceConfig() {
        return InferenceConfiguration.builder()
                .maxTokens(maxTokens)
                .temperature(temperature)
                .build();
    }

    Reply read(ConverseResponse response) {
        if (response.output() == null || response.output().message() == null) {
            throw new InvalidNarrativeException("the model answered without a message");
        }
        String text = response.output().message().content().stream()
                .map(ContentBlock::text)
                .filter(Objects::nonNull)
                .collect(Collectors.joining());
        TokenUsage usage = response.usage() == null ? TokenUsage.builder().build() : response.usage();
        return Reply.text(text, modelId, count(usage.inputTokens()), count(usage.outputTokens()));
    }

    private static int count(Integer tokens) {
        return tokens == null ? 0 : tokens;
    }
}
