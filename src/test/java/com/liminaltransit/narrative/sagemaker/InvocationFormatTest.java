package com.liminaltransit.narrative.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvocationFormatTest {

    private final Conversation conversation = new Conversation(
            "You are the narrator.", List.of(new Conversation.Turn(Conversation.Turn.USER, "Write stop 1.")));

    @Test
    void tgiSendsOnePlainPromptWithoutEchoingIt() {
        // when
        String body = InvocationFormat.TGI.body(conversation, 500, 0.7);
        // then
        assertThat(body)
                .contains("\"inputs\":\"You are the narrator.")
                .contains("Write stop 1.")
                .contains("\"max_new_tokens\":500")
                .contains("\"return_full_text\":false");
    }

    @Test
    void tgiAnswerIsReadAsArrayOrObjectWithGeneratedTokens() {
        // when
        Reply fromArray = InvocationFormat.TGI.read("[{\"generated_text\": \"{}\"}]", "ep", conversation);
        Reply fromObject = InvocationFormat.TGI.read(
                "{\"generated_text\": \"{}\", \"details\": {\"generated_tokens\": 77}}", "ep", conversation);
        // then
        assertThat(fromArray.text()).isEqualTo("{}");
        assertThat(fromArray.inputTokens()).isPositive();
        assertThat(fromObject.outputTokens()).isEqualTo(77);
    }

    @Test
    void messagesFormatSpeaksTheOpenAiSchema() {
        // when
        String body = InvocationFormat.of("messages").body(conversation, 500, 0.7);
        Reply reply = InvocationFormat.MESSAGES.read("""
                {"choices": [{"message": {"role": "assistant", "content": "hi"}}],
                 "usage": {"prompt_tokens": 12, "completion_tokens": 3}}""", "ep", conversation);
        // then
        assertThat(body).contains("\"role\":\"system\"").contains("\"max_tokens\":500");
        assertThat(reply.text()).isEqualTo("hi");
        assertThat(reply.inputTokens()).isEqualTo(12);
        assertThat(reply.outputTokens()).isEqualTo(3);
    }

    @Test
    void bodyWithoutGeneratedTextIsTheVendorsFault() {
        // when / then
        assertThatThrownBy(() -> InvocationFormat.TGI.read("{\"error\": \"x\"}", "ep", conversation))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThatThrownBy(() -> InvocationFormat.TGI.read("not json", "ep", conversation))
                .isInstanceOf(ProviderUnavailableException.class);
    }
}
