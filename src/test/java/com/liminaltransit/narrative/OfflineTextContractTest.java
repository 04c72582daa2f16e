package com.liminaltransit.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.offline.OfflineProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The offline storyteller is the last link of every chain: its text must pass the contract as strictly as any
 * model's, already in the normalised form, with endings no earlier than the default minimum, and its summary must
 * survive being quoted into the next prompt.
 */
class OfflineTextContractTest {

    private static final int RIDES = 150;
    private static final int GIVE_UP = 40;

    private final OfflineProvider offline = new OfflineProvider();

    @Test
    void everyStopOfManyRidesPassesTheStrictContractAsItIs() {
        for (long seed = 1; seed <= RIDES; seed++) {
            Random player = new Random(seed * 31 + 7);
            List<String> path = new ArrayList<>();
            List<PastStop> recent = new ArrayList<>();
            String summary = "";
            ChoiceOption chosen = null;
            boolean ended = false;
            for (int stop = 0; stop < GIVE_UP && !ended; stop++) {
                StoryContext context = new StoryContext(
                        "ride-" + seed,
                        seed,
                        stop,
                        summary,
                        recent.subList(Math.max(0, recent.size() - StoryContext.RECENT_STOPS), recent.size()),
                        chosen,
                        path,
                        "en");
                Narrative narrative = offline.generate(context).narrative();
                String where = "seed " + seed + " stop " + stop;

                assertThat(NarrativeValidator.validate(
                                        narrative, stop, NarrativeValidator.DEFAULT_MIN_STOPS_BEFORE_ENDING)
                                .problems())
                        .as(where)
                        .isEmpty();
                assertThat(narrative.normalised()).as(where).isEqualTo(narrative);
                assertThat(PromptBuilder.quoted(narrative.summary(), PromptBuilder.MAX_SUMMARY_IN_PROMPT))
                        .as(where)
                        .doesNotContain("…");

                ended = narrative.ending();
                if (!ended) {
                    chosen = narrative
                            .choices()
                            .get(player.nextInt(narrative.choices().size()));
                    recent.add(new PastStop(stop, narrative.passage(), chosen.label()));
                    path.add(chosen.id());
                    summary = narrative.summary();
                }
            }
            assertThat(ended).as("seed " + seed + " reaches a terminus").isTrue();
        }
    }
}
