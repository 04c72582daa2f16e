package com.liminaltransit.narrative.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChoiceDestinationsTest {

    private final RideDriver driver = new RideDriver(new OfflineProvider());

    @Test
    void choicesOnAStopHaveDistinctIdsAndLabels() {
        for (long seed = 0; seed < 500; seed++) {
            for (Narrative narrative : driver.randomWalk(seed).stops()) {
                // when
                Set<String> ids = new HashSet<>();
                Set<String> labels = new HashSet<>();
                narrative.choices().forEach(c -> {
                    ids.add(c.id());
                    labels.add(c.label().toLowerCase(Locale.ROOT));
                });

                // then
                assertEquals(narrative.choices().size(), ids.size(), "seed " + seed);
                assertEquals(narrative.choices().size(), labels.size(), "seed " + seed);
            }
        }
    }

    @Test
    void everyChoiceOnAStopLeadsToADifferentNextPassage() {
        for (long seed = 0; seed < 300; seed++) {
            // given a ride and every stop on it
            RideDriver.Walk walk = driver.randomWalk(seed);
            for (int stop = 0; stop < walk.lastStop(); stop++) {
                List<String> pathHere = walk.path().subList(0, stop);

                // when each choice offered there is taken in turn
                Set<String> nextPassages = new HashSet<>();
                List<ChoiceOption> choices = walk.stops().get(stop).choices();
                for (ChoiceOption choice : choices) {
                    List<String> path = new ArrayList<>(pathHere);
                    path.add(choice.id());
                    nextPassages.add(driver.at(seed, path).passage());
                }

                // then no two choices lead to the same place
                assertEquals(choices.size(), nextPassages.size(), "seed " + seed + " stop " + stop);
            }
        }
    }
}
