package com.liminaltransit.narrative.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.PastStop;
import com.liminaltransit.narrative.StoryContext;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfflineProviderTest {

    private final OfflineProvider provider = new OfflineProvider();
    private final RideDriver driver = new RideDriver(provider);

    @Test
    void isNamedOfflineCostsNothingAndWritesEnglish() {
        // when
        ModelCapabilities capabilities = provider.capabilities();

        // then
        assertEquals("offline", provider.name());
        assertEquals(0.0, provider.estimateCost(10_000, 10_000));
        assertEquals(Set.of("en"), capabilities.languages());
        assertFalse(capabilities.jsonMode());
        assertFalse(capabilities.streaming());
    }

    @Test
    void generationNamesItselfAndCountsTokensFromWords() {
        // given a context with 30 words of summary and 60 of recent passage
        String summary = "word ".repeat(30);
        PastStop recent = new PastStop(0, "word ".repeat(60), null);
        StoryContext context = new StoryContext("r", 1, 1, summary, List.of(recent), null, List.of("x"), "en");

        // when
        Generation generation = provider.generate(context);

        // then
        Narrative narrative = generation.narrative();
        int written = Words.count(narrative.passage())
                + Words.count(narrative.summary())
                + narrative.choices().stream()
                        .mapToInt(c -> Words.count(c.label()))
                        .sum();
        assertEquals("offline", generation.provider());
        assertEquals("offline-storyteller-2", generation.model());
        assertEquals(90 * 4 / 3, generation.inputTokens());
        assertEquals(written * 4 / 3, generation.outputTokens());
    }

    @Test
    void sameSeedAndPathGiveTheSameNarrativeWhateverElseTheContextCarries() {
        for (long seed = 0; seed < 200; seed++) {
            // given a ride played with full contexts (summary, recent stops, last choice)
            RideDriver.Walk walk = driver.randomWalk(seed);

            // when each stop is written again by another instance from seed and path alone
            RideDriver fresh = new RideDriver(new OfflineProvider());
            for (int stop = 0; stop <= walk.lastStop(); stop++) {
                Narrative again = fresh.at(seed, walk.path().subList(0, stop));

                // then it is the same narrative
                assertEquals(walk.stops().get(stop), again, "seed " + seed + " stop " + stop);
            }
        }
    }

    @Test
    void differentSeedsBoardDifferentRides() {
        // when
        Narrative one = driver.at(1, List.of());
        Narrative two = driver.at(2, List.of());

        // then
        assertNotEquals(one.passage(), two.passage());
    }

    @Test
    void lastChoiceLabelOfOurOwnChoiceChangesNothing() {
        // given a path of our own ids, and a caller that passes a label we did not write
        Narrative boarding = driver.at(4, List.of());
        String id = boarding.choices().getFirst().id();
        StoryContext odd =
                new StoryContext("r", 4, 1, "", List.of(), new ChoiceOption(id, "Something else"), List.of(id), "en");

        // when
        Narrative narrative = provider.generate(odd).narrative();

        // then
        assertEquals(driver.at(4, List.of(id)), narrative);
    }

    @Test
    void negativeStopIsRefused() {
        // given
        StoryContext context = new StoryContext("r", 1, -1, "", List.of(), null, List.of(), "en");

        // when / then
        assertThrows(IllegalArgumentException.class, () -> provider.generate(context));
    }
}
