package com.liminaltransit.story;

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

    /** Whether {@code stop} is a passage of this ride. */
    public boolean hasStop(int stop) {
        return stop >= 0 && stop < passages.size();
    }
}
