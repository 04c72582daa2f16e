package com.liminaltransit.narrative.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireJsonTest {

    private final Conversation conversation = new Conversation(
            "You are the narrator.", List.of(new Conversation.Turn(Conversation.Turn.USER, "Write stop 1.")));

    @Test
    void requestIsWrittenInTheVendorsSnakeCaseWithoutNulls() {
        // when
        String jsonMode = WireJson.write(ChatCompletions.Request.of("gpt-stub", conversation, 500, 0.7, true));
        String plain = WireJson.write(ChatCompletions.Request.of(null, conversation, 500, 0.7, false));

        // then
        assertThat(jsonMode)
                .contains("\"model\":\"gpt-stub\"")
                .contains("\"max_tokens\":500")
                .contains("\"response_format\":{\"type\":\"json_object\"}")
                .contains("{\"content\":\"You are the narrator.\",\"role\":\"system\"}");
        assertThat(plain)
                .doesNotContain("model")
                .doesNotContain("response_format")
                .doesNotContain("null");
    }

    @Test
    void answerIsBoundAndItsUnknownPartsIgnored() {
        // when
        var answer = WireJson.read("stub", """
                {"id": "x", "model": "gpt-stub-1", "choices": [{"index": 0, "message": {"role": "assistant",
                 "content": "hi", "refusal": null}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15}}""", ChatCompletions.Response.class);

        // then
        assertThat(answer.text("stub")).isEqualTo("hi");
        assertThat(answer.model()).isEqualTo("gpt-stub-1");
        assertThat(answer.usage()).isEqualTo(new ChatCompletions.Usage(12, 3));
    }

    @Test
    void bodyOfAnotherShapeIsTheVendorsFault() {
        for (String body : new String[] {
            "{\"id\": \"x\", \"choices\": [ {\"message\": ",
            "not json",
            "",
            "null",
            "[1]",
            "{\"choices\": 5}",
            "{\"usage\": {\"prompt_tokens\": \"many\"}}"
        }) {
            assertThatThrownBy(() -> WireJson.read("stub", body, ChatCompletions.Response.class))
                    .as(body)
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageStartingWith("stub answered");
        }
    }

    @Test
    void truncatedBodyWithPartsNotBoundIsRefusedNotSkippedForEver() {
        // given a body cut off inside a property the envelope does not bind (Parsson's skip never meets the end)
        String truncated = "{\"id\": \"x\", \"choices\": [ {\"message\": ";

        // when / then
        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThatThrownBy(() -> WireJson.read("stub", truncated, ErrorBody.class))
                        .isInstanceOf(ProviderUnavailableException.class));
    }

    @Test
    void answerWithoutChoicesIsTheVendorsFaultAndWithoutTextTheModels() {
        // given
        var noChoices = WireJson.read("stub", "{\"choices\": []}", ChatCompletions.Response.class);
        var refusal = WireJson.read(
                "stub", "{\"choices\": [{\"message\": {\"refusal\": \"no\"}}]}", ChatCompletions.Response.class);

        // when / then
        assertThatThrownBy(() -> noChoices.text("stub"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("stub answered without choices");
        assertThatThrownBy(() -> refusal.text("stub")).isInstanceOf(InvalidNarrativeException.class);
    }

    @Test
    void errorBodyGivesTheVendorsTypeCodeAndMessage() {
        assertThat(ErrorBody.detail(
                        "{\"error\": {\"message\": \"slow down\", \"type\": \"requests\", \"code\": \"rate_limit\"}}"))
                .isEqualTo("requests rate_limit slow down");
        assertThat(ErrorBody.detail("{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\"}}"))
                .isEqualTo("overloaded_error");
        assertThat(ErrorBody.detail("{\"message\": \"stub error 503\"}")).isEqualTo("stub error 503");
        assertThat(ErrorBody.detail("<html>Bad gateway</html>")).isNull();
        assertThat(ErrorBody.detail("{\"error\": \"model not found\"}")).isNull();
    }
}
