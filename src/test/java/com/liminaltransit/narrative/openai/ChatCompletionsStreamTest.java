package com.liminaltransit.narrative.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.stream.ProseThenChoices;
import com.liminaltransit.narrative.stream.Sentence;
import com.liminaltransit.narrative.vendor.ChatCompletionsStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The OpenAI streaming wire (as {@link OpenAiWire#streamed} writes it) read into the streaming answer shape. */
class ChatCompletionsStreamTest {

    private static final String ANSWER = """
            The carriage sways. A lamp flickers over an empty seat. Someone has left a ticket, still warm.
            === CHOICES ===
            {"summary": "A warm ticket.", "ending": false,
             "choices": [{"id": "take", "label": "Take the ticket"}, {"id": "leave", "label": "Leave it"}]}
            """;

    @Test
    void readsTheDeltasInOrderAndTheUsageAtTheEnd() {
        var text = new StringBuilder();
        var answer = new ProseThenChoices(Locale.ENGLISH);
        List<Sentence> shown = new ArrayList<>();

        var ending = ChatCompletionsStream.read(
                "openai", lines(OpenAiWire.streamed(ANSWER, 5).body()), delta -> {
                    text.append(delta);
                    shown.addAll(answer.feed(delta));
                });

        assertThat(text.toString()).isEqualTo(ANSWER);
        assertThat(shown).hasSize(3);
        assertThat(answer.finish().choices()).hasSize(2);
        assertThat(ending).isEqualTo(new ChatCompletionsStream.Ending("gpt-stub-2026-01-01", 412, 131, "stop"));
    }

    @Test
    void aMalformedChunkFailsTheProviderAfterWhatWasReadBeforeIt() {
        var chunks = new ArrayList<>(OpenAiWire.streamedChunks(ANSWER, 20));
        chunks.add(3, "data: {\"choices\": [ {\"delta\": \n\n");
        var text = new StringBuilder();

        assertThatThrownBy(() -> ChatCompletionsStream.read("openai", lines(String.join("", chunks)), text::append))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("malformed");
        assertThat(text.toString()).isEqualTo(ANSWER.substring(0, 40));
    }

    @Test
    void aStreamCutBeforeDoneFailsTheProvider() {
        var chunks = OpenAiWire.streamedChunks(ANSWER, 10);
        var cut = String.join("", chunks.subList(0, 6));
        var text = new StringBuilder();

        assertThatThrownBy(() -> ChatCompletionsStream.read("openai", lines(cut), text::append))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("[DONE]");
        assertThat(text.toString()).isEqualTo(ANSWER.substring(0, 50));
    }

    @Test
    void commentsAndBlankLinesAreNotText() {
        var body = ": keep-alive\n\n"
                + OpenAiWire.streamed("Hi.\n=== CHOICES ===\n{}", 100).body();
        var text = new StringBuilder();
        ChatCompletionsStream.read("openai", lines(body), text::append);
        assertThat(text.toString()).isEqualTo("Hi.\n=== CHOICES ===\n{}");
    }

    private static java.util.Iterator<String> lines(String body) {
        return body.lines().iterator();
    }
}
