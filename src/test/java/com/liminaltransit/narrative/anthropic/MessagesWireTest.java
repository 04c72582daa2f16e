package com.liminaltransit.narrative.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.vendor.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesWireTest {

    private final Conversation conversation = new Conversation(
            "You are the narrator.", List.of(new Conversation.Turn(Conversation.Turn.USER, "Write stop 1.")));

    @Test
    void requestForcesTheToolWhoseSchemaIsTheContract() {
        // when
        String withTool = WireJson.write(MessagesRequest.of("claude-stub", conversation, 500, 0.7, true));
        String inText = WireJson.write(MessagesRequest.of("claude-stub", conversation, 500, 0.7, false));

        // then
        assertThat(withTool)
                .contains("\"system\":\"You are the narrator.\"")
                .contains("\"tool_choice\":{\"name\":\"write_stop\",\"type\":\"tool\"}")
                .contains("\"input_schema\":{\"type\":\"object\"")
                .contains("\"required\":[\"passage\",\"choices\",\"ending\",\"summary\"]");
        assertThat(inText).doesNotContain("tool");
    }

    @Test
    void theStreamedRequestAsksForAStreamOfPlainText() {
        // when
        String streamed = WireJson.write(MessagesRequest.streamed("claude-stub", conversation, 500, 0.7));

        // then
        assertThat(streamed)
                .contains("\"stream\":true")
                .contains("\"system\":\"You are the narrator.\"")
                .contains("\"max_tokens\":500")
                .contains("\"messages\":[{\"content\":\"Write stop 1.\",\"role\":\"user\"}]")
                .doesNotContain("tool");
    }

    @Test
    void toolCallIsTheStructuredAnswer() {
        // when
        Reply reply = read("""
                {"model": "claude-stub-1", "content": [{"type": "text", "text": "Here it is."},
                 {"type": "tool_use", "id": "t", "name": "write_stop", "input": {"passage": "p"}}],
                 "usage": {"input_tokens": 30, "output_tokens": 7}}""");

        // then
        assertThat(reply.structured().getString("passage")).isEqualTo("p");
        assertThat(reply.model()).isEqualTo("claude-stub-1");
        assertThat(reply.inputTokens()).isEqualTo(30);
        assertThat(reply.outputTokens()).isEqualTo(7);
    }

    @Test
    void textBlocksAreTheAnswerWithoutTheTool() {
        // when
        Reply reply = read("{\"content\": [{\"type\": \"text\", \"text\": \"{\\\"passage\\\"\"}, {\"type\": \"text\","
                + " \"text\": \": 1}\"}]}");

        // then
        assertThat(reply.text()).isEqualTo("{\"passage\": 1}");
        assertThat(reply.structured()).isNull();
        assertThat(reply.model()).isEqualTo("asked");
    }

    @Test
    void answerWithoutContentIsTheVendorsFaultAndWithNothingUsableTheModels() {
        assertThatThrownBy(() -> read("{\"model\": \"m\"}"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("anthropic answered without content");
        assertThatThrownBy(() -> read("{\"content\": [{\"type\": \"thinking\"}]}"))
                .isInstanceOf(InvalidNarrativeException.class);
        assertThatThrownBy(() -> read("{\"content\": [{\"type\": \"tool_use\", \"input\": \"not an object\"}]}"))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    private static Reply read(String body) {
        return WireJson.read(AnthropicProvider.NAME, body, MessagesReply.class).toReply("asked");
    }
}
