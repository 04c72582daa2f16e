package com.liminaltransit.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A ride with all its passages, in order: what the ride page shows.
 *
 * @param ride     the ride
 * @param passages its passages, stop 0 first
 */
public record Story(Ride ride, List<Passage> passages) {

    public Story {
        passages = List.copyOf(passages);
    }

    /** The last passage written: the open stop, or the ending. */
    public Passage current() {
        return passages.getLast();
    }

    /** The passage at {@code stop}. */
    public Passage passage(int stop) {
        return passages.get(stop);
    }

    /**
     * This ride after {@code step} was answered with {@code choiceId} and {@code next} written: what the store
     * now holds, built without reading it back.
     */
    Story advanced(int step, String choiceId, Passage next, Instant now) {
        List<Passage> moved = new ArrayList<>(passages);
        moved.set(step, moved.get(step).answered(choiceId));
        moved.add(next);
        Ride after = new Ride(
                ride.id(),
                ride.ownerHash(),
                ride.seed(),
                ride.language(),
                next.ending(),
                moved.size(),
                ride.createdAt(),
                now,
                ride.variantId(),
                ride.content(),
                ride.fork());
        return new Story(after, moved);
    }

    /**
     * Whether some passage is not in the ride's language: the offline storyteller's English left untranslated (no
     * Amazon Translate configured, or it failed). The ride page tells the player once.
     */
    public boolean untranslated() {
        return passages.stream().anyMatch(passage -> !passage.isIn(ride.language()));
    }

    /** The ride as it stood at stop {@code stop}: its passages {@code 0..stop} (what a stop's permalink shows). */
    Story upTo(int stop) {
        return new Story(ride, passages.subList(0, stop + 1));
    }

    /** This ride with {@code version} shown in place of the passage at its stop (another version of that stop). */
    Story with(Passage version) {
        List<Passage> shown = new ArrayList<>(passages);
        shown.set(version.stop(), version);
        return new Story(ride, shown);
    }

    /** Whether {@code stop} is a passage of this ride. */
    public boolean hasStop(int stop) {
        return stop >= 0 && stop < passages.size();
    }
}
