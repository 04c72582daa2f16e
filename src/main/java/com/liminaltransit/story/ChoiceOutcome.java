package com.liminaltransit.story;

/**
 * The ride after a choice, and what the choice did to it.
 *
 * @param story    the ride as it stands now
 * @param answered the stop that was answered
 * @param kind     whether this request wrote the next stop, repeated an earlier request, or came too late
 */
record ChoiceOutcome(Story story, int answered, Kind kind) {

    /** What a choice did. */
    enum Kind {
        /** This request wrote the next stop. */
        ADVANCED,
        /** The same choice had already been made: nothing new was written. */
        REPLAYED,
        /** Another choice had already been made at this stop: nothing was written. */
        CONFLICT
    }

    /** The passage the choice led to; only meaningful when the stop was answered with this choice. */
    Passage next() {
        return story.passage(answered + 1);
    }
}
