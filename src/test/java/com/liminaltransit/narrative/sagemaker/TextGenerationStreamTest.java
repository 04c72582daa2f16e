package com.liminaltransit.narrative.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextGenerationStreamTest {

    private final Conversation conversation = new Conversation(
            "You are the narrator.", List.of(new Conversation.Turn(Conversation.Turn.USER, "Write stop 1.")));
    private final List<String> pieces = new ArrayList<>();
    private final TextGenerationStream stream = new TextGenerationStream(pieces::add);

    @Test
    void tokensAreHandedOnAndTheLastEventEndsTheAnswerWithItsCounts() {
        // when
        stream.line("data:{\"index\":1,\"token\":{\"id\":5,\"text\":\"The\",\"special\":false},"
                + "\"generated_text\":null,\"details\":null}");
        stream.line("");
        stream.line("data:{\"index\":2,\"token\":{\"id\":6,\"text\":\" train\",\"special\":false},"
                + "\"generated_text\":null,\"details\":null}");
        stream.line("data:{\"index\":3,\"token\":{\"id\":2,\"text\":\"</s>\",\"special\":true},"
                + "\"generated_text\":\"The train\",\"details\":{\"finish_reason\":\"eos_token\","
                + "\"generated_tokens\":3,\"seed\":null,\"input_length\":41}}");
        stream.line("data:{\"token\":{\"text\":\" after the end\",\"special\":false}}");
        Reply reply = stream.reply("The train", "ep", conversation);
        // then
        assertThat(pieces).containsExactly("The", " train");
        assertThat(stream.done()).isTrue();
        assertThat(reply.inputTokens()).isEqualTo(41);
        assertThat(reply.outputTokens()).isEqualTo(3);
    }

    @Test
    void jsonLinesWithoutDataAndWithoutDetailsAreReadAndCountsEstimated() {
        stream.line("{\"token\":{\"text\":\"Hello there\",\"special\":false},\"generated_text\":null}");
        stream.line("{\"token\":{\"text\":\".\",\"special\":false},\"generated_text\":\"Hello there.\"}");

        Reply reply = stream.reply("Hello there.", "ep", conversation);

        assertThat(pieces).containsExactly("Hello there", ".");
        assertThat(reply.inputTokens()).isPositive();
        assertThat(reply.outputTokens()).isEqualTo(3);
    }

    @Test
    void anErrorEventAMalformedLineOrAMissingEndAreTheProvidersFailure() {
        assertThatThrownBy(() -> new TextGenerationStream(pieces::add)
                        .line("data:{\"error\":\"Request failed during generation\",\"error_type\":\"generation\"}"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("(generation)");
        assertThatThrownBy(() -> new TextGenerationStream(pieces::add).line("data:{\"token\":{\"te"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("malformed");
        stream.line("data:{\"token\":{\"text\":\"cut\",\"special\":false},\"generated_text\":null}");
        assertThatThrownBy(() -> stream.reply("cut", "ep", conversation))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("ended before its last token");
    }
}
