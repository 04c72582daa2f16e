package com.liminaltransit.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.PastStop;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.offline.OfflineProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The offline storyteller's text is what replaces a refused answer, so it must pass the local rules itself: every
 * stop of many seeded rides, under the rules of every offered language (it writes English whatever the ride's
 * language until the languages work translates it).
 */
class OfflineTextPassesTheRulesTest {

    private static final int RIDES = 400;
    private static final int GIVE_UP = 40;
    private static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "ja");

    private final OfflineProvider offline = new OfflineProvider();
    private final RuleCheck rules = new RuleCheck(LANGUAGES);

    @Test
    void everyStopOfManyRidesPassesTheRulesOfEveryLanguage() {
        int stops = 0;
        List<String> tripped = new ArrayList<>();
        for (long seed = 1; seed <= RIDES; seed++) {
            Random player = new Random(seed * 131 + 3);
            List<String> path = new ArrayList<>();
            List<PastStop> recent = new ArrayList<>();
            String summary = "";
            ChoiceOption chosen = null;
            for (int stop = 0; stop < GIVE_UP; stop++) {
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
                stops++;
                for (String language : LANGUAGES) {
                    List<Finding> found = rules.findings(language, ChainScreen.parts(narrative));
                    if (!found.isEmpty()) {
                        tripped.add("seed " + seed + " stop " + stop + " (" + language + "): " + found);
                    }
                }
                if (narrative.ending()) {
                    break;
                }
                chosen = narrative
                        .choices()
                        .get(player.nextInt(narrative.choices().size()));
                recent.add(new PastStop(stop, narrative.passage(), chosen.label()));
                path.add(chosen.id());
                summary = narrative.summary();
            }
        }
        assertThat(stops).as("stops played").isGreaterThan(RIDES * 8);
        assertThat(tripped).isEmpty();
    }
}
