package com.liminaltransit.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

    private final PromptBuilder prompts = new PromptBuilder();

    @Test
    void boardingPromptStatesTheContractAndTheLanguage() {
        // given
        StoryContext boarding = StoryContext.boarding("ride", 1L, "fr");
        // when
        Conversation conversation = prompts.build(boarding);
        // then
        assertThat(conversation.system())
                .contains("\"passage\"", "\"choices\"", "\"ending\"", "\"summary\"", "fr")
                .doesNotContain("{{");
        assertThat(conversation.turns()).singleElement().satisfies(turn -> {
            assertThat(turn.role()).isEqualTo(Conversation.Turn.USER);
            assertThat(turn.text()).contains("stop 1").contains("just boarded").doesNotContain("{{");
        });
    }

    @Test
    void stepPromptCarriesSummaryRecentStopsAndChoice() {
        // given
        StoryContext context = contextAt(5);
        // when
        String step = prompts.build(context).turns().getFirst().text();
        // then
        assertThat(step)
                .contains("summary after stop 4", "passage of stop 4", "passage of stop 2", "Open the door")
                .doesNotContain("passage of stop 1");
    }

    @Test
    void promptSizeStaysFlatAsTheRideGrows() {
        // given the same shape of context at stop 5 and at stop 40
        int early = size(prompts.build(contextAt(5)));
        int late = size(prompts.build(contextAt(40)));
        // then only the stop numbers' digits differ
        assertThat(Math.abs(late - early)).isLessThanOrEqualTo(16);
    }

    @Test
    void repairPromptQuotesTheComplaint() {
        // when
        String repair = prompts.repair("offer 2 to 4 choices, not 1");
        // then
        assertThat(repair).contains("offer 2 to 4 choices, not 1");
    }

    @Test
    void unknownVariableInATemplateIsAnError() {
        // when / then
        assertThatThrownBy(() -> PromptBuilder.render("{{nope}}", Map.of())).hasMessageContaining("nope");
    }

    @Test
    void valuesAreNotReadAsTemplates() {
        // when
        String out = PromptBuilder.render("say {{summary}}", Map.of("summary", "{{stop}} $1 \\"));
        // then
        assertThat(out).isEqualTo("say {{stop}} $1 \\");
    }

    private static int size(Conversation conversation) {
        return conversation.system().length()
                + conversation.turns().getFirst().text().length();
    }

    private static StoryContext contextAt(int stop) {
        List<PastStop> recent = new ArrayList<>();
        for (int past = Math.max(0, stop - StoryContext.RECENT_STOPS); past < stop; past++) {
            recent.add(new PastStop(past, "passage of stop " + past + " ".repeat(200), "choice " + past));
        }
        List<String> path = new ArrayList<>();
        for (int i = 0; i < stop; i++) {
            path.add("a");
        }
        return new StoryContext(
                "ride",
                1L,
                stop,
                "summary after stop " + (stop - 1) + " ".repeat(300),
                recent,
                new ChoiceOption("a", "Open the door"),
                path,
                "en");
    }
}
