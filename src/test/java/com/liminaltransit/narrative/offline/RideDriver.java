package com.liminaltransit.narrative.offline;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.PastStop;
import com.liminaltransit.narrative.StoryContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/** Plays rides against the provider the way the story service would: one generate call per stop. */
final class RideDriver {

    /** A ride that cannot end by this stop is a bug; the walk stops here. */
    static final int GIVE_UP = 40;

    private final OfflineProvider provider;

    RideDriver(OfflineProvider provider) {
        this.provider = provider;
    }

    /** The narrative for a seed and a path, from a context that carries nothing else. */
    Narrative at(long seed, List<String> path) {
        return provider.generate(bare(seed, path)).narrative();
    }

    static StoryContext bare(long seed, List<String> path) {
        return new StoryContext("ride-" + seed, seed, path.size(), "", List.of(), null, path, "en");
    }

    /** A whole ride, choosing with the seeded random choice of a player who clicks anything. */
    Walk randomWalk(long seed) {
        Random random = new Random(seed * 7919 + 17);
        return walk(seed, choices -> random.nextInt(choices.size()));
    }

    /** A whole ride from a given path onward, choosing with the rule. */
    Walk walk(long seed, List<String> start, ToIntFunction<List<ChoiceOption>> rule) {
        List<Narrative> stops = new ArrayList<>();
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
            Narrative narrative = provider.generate(context).narrative();
            stops.add(narrative);
            if (narrative.ending()) {
                break;
            }
            chosen = stop < start.size()
                    ? narrative.choices().stream()
                            .filter(c -> c.id().equals(start.get(path.size())))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("path " + start + " not offered at " + path))
                    : narrative.choices().get(rule.applyAsInt(narrative.choices()));
            recent.add(new PastStop(stop, narrative.passage(), chosen.label()));
            path.add(chosen.id());
            summary = narrative.summary();
        }
        return new Walk(seed, stops, path);
    }

    Walk walk(long seed, ToIntFunction<List<ChoiceOption>> rule) {
        return walk(seed, List.of(), rule);
    }

    /**
     * One played ride.
     *
     * @param seed  its seed
     * @param stops every narrative, from boarding to the last one written
     * @param path  the choice ids made
     */
    record Walk(long seed, List<Narrative> stops, List<String> path) {

        Narrative last() {
            return stops.getLast();
        }

        /** The stop index of the last narrative written. */
        int lastStop() {
            return stops.size() - 1;
        }
    }
}
