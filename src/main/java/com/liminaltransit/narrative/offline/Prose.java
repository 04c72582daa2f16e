package com.liminaltransit.narrative.offline;

import java.util.List;
import java.util.Map;

/**
 * The storyteller's connecting sentences: openings, arrivals, atmosphere, reminders of the ride's state and endings.
 *
 * @param openings         the boarding passage, before its scene
 * @param arrivals         how the train reaches a station
 * @param atmospheres      weather, sound and light between stations
 * @param callbacks        reminders of the ride's state, by kind ({@code companion}, {@code counting}, ...)
 * @param foreignChoices   how a choice written by another storyteller is remembered ({@code {label}})
 * @param foreignNoLabel   the same when that choice's label is unknown
 * @param terminusArrivals how the train reaches the end of the line
 * @param endings          ending passages, by ending
 * @param endingSummaries  how the summary tells each ending, after "you"
 * @param endingCallbacks  last reminders an ending may add, by kind
 */
record Prose(
        List<String> openings,
        List<String> arrivals,
        List<String> atmospheres,
        Map<String, List<String>> callbacks,
        List<String> foreignChoices,
        List<String> foreignNoLabel,
        List<String> terminusArrivals,
        Map<Ending, List<String>> endings,
        Map<Ending, String> endingSummaries,
        Map<String, List<String>> endingCallbacks) {

    Prose {
        openings = List.copyOf(openings);
        arrivals = List.copyOf(arrivals);
        atmospheres = List.copyOf(atmospheres);
        callbacks = Map.copyOf(callbacks);
        foreignChoices = List.copyOf(foreignChoices);
        foreignNoLabel = List.copyOf(foreignNoLabel);
        terminusArrivals = List.copyOf(terminusArrivals);
        endings = Map.copyOf(endings);
        endingSummaries = Map.copyOf(endingSummaries);
        endingCallbacks = Map.copyOf(endingCallbacks);
    }

    /** The callbacks of one kind; none when the bank has none. */
    List<String> callbacks(String kind) {
        return callbacks.getOrDefault(kind, List.of());
    }

    /** The ending callbacks of one kind; none when the bank has none. */
    List<String> endingCallbacks(String kind) {
        return endingCallbacks.getOrDefault(kind, List.of());
    }
}
