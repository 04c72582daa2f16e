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
        Passage answered = moved.get(step);
        moved.set(
                step,
                new Passage(
                        answered.stop(),
                        answered.body(),
                        answered.summary(),
                        answered.ending(),
                        answered.choices(),
                        choiceId,
                        answered.provider()));
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
                ride.content());
        return new Story(after, moved);
    }

    /** Whether {@code stop} is a passage of this ride. */
    public boolean hasStop(int stop) {
        return stop >= 0 && stop < passages.size();
    }
}
