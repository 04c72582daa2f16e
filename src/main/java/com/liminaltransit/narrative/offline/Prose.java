package com.liminaltransit.narrative.offline;

import java.util.List;
import java.util.Map;

/**
 * The storyteller's connecting sentences: openings, frames (arrivals, the run between stations, weather, the
 * terminus), reminders of the ride's state, endings, and the words of the running summary. All of it is data, so a
 * writer can change it and a translator can translate it.
 *
 * @param openings         the boarding passage, before the thread and the scene
 * @param arrivals         how the train reaches a station (frames)
 * @param betweens         how a stop between stations opens (frames)
 * @param atmospheres      weather, sound and light between stations (frames)
 * @param callbacks        reminders of the ride's state, by kind ({@code companion}, {@code noticket}, ...)
 * @param foreignChoices   how a choice written by another storyteller is remembered ({@code {label}})
 * @param foreignNoLabel   the same when that choice's label is unknown
 * @param terminusArrivals how the train reaches the end of the line (frames)
 * @param endings          the endings' texts
 * @param endingCallbacks  last reminders an ending may add, by kind
 * @param summary          the pieces of the running summary, by key
 * @param numbers          small numbers as words, from nought
 */
record Prose(
        List<String> openings,
        List<String> arrivals,
        List<String> betweens,
        List<String> atmospheres,
        Map<String, List<String>> callbacks,
        List<String> foreignChoices,
        List<String> foreignNoLabel,
        List<String> terminusArrivals,
        Map<Ending, EndingText> endings,
        Map<String, List<String>> endingCallbacks,
        Map<String, String> summary,
        List<String> numbers) {

    Prose {
        openings = List.copyOf(openings);
        arrivals = List.copyOf(arrivals);
        betweens = List.copyOf(betweens);
        atmospheres = List.copyOf(atmospheres);
        callbacks = Map.copyOf(callbacks);
        foreignChoices = List.copyOf(foreignChoices);
        foreignNoLabel = List.copyOf(foreignNoLabel);
        terminusArrivals = List.copyOf(terminusArrivals);
        endings = Map.copyOf(endings);
        endingCallbacks = Map.copyOf(endingCallbacks);
        summary = Map.copyOf(summary);
        numbers = List.copyOf(numbers);
    }

    /**
     * One ending's words.
     *
     * @param atTerminus whether it happens where the line ends (the train's arrival there may open it) rather than
     *                   at a station on the way
     * @param bodies     what happens, one is picked
     * @param closers    how it closes, one is picked
     * @param summary    how the summary tells it, after "you"
     */
    record EndingText(boolean atTerminus, List<String> bodies, List<String> closers, String summary) {
        EndingText {
            bodies = List.copyOf(bodies);
            closers = List.copyOf(closers);
        }
    }

    /** The callbacks of one kind; none when the bank has none. */
    List<String> callbacks(String kind) {
        return callbacks.getOrDefault(kind, List.of());
    }

    /** The ending callbacks of one kind; none when the bank has none. */
    List<String> endingCallbacks(String kind) {
        return endingCallbacks.getOrDefault(kind, List.of());
    }

    /** A piece of the summary. */
    String summary(String key) {
        return summary.getOrDefault(key, "");
    }

    /** A number as a word when the bank has one for it, e.g. {@code seven}. */
    String number(int n) {
        return n >= 0 && n < numbers.size() ? numbers.get(n) : Integer.toString(n);
    }
}
