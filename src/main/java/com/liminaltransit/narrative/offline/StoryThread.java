package com.liminaltransit.narrative.offline;

import java.util.List;
import java.util.Map;

/**
 * What a ride is about: something the player wants, finds or loses (a friend lost at the barrier, a letter to
 * deliver, the end of a song). The boarding says what is wanted; clues in ordinary scenes move it on, the thread's
 * own beats bring it close, and the ending says what became of it.
 *
 * @param id          stable id; a player's "seen" memory keeps it
 * @param sought      how passages name what is wanted, a noun phrase that reads after "about", "for", "nearer"
 * @param wants       sentences that tell, at the boarding, what the player wants
 * @param reminders   sentences that remind the player of it, by where it stands: {@code 0}, {@code 1}, {@code 2}
 *                    (clues gathered), {@code found}, {@code lost}; each names {@code {sought}}
 * @param resolutions sentences an ending uses for it: {@code found}, {@code lost}, {@code open}
 * @param summaries   how the running summary tells it: {@code open}, {@code found}, {@code lost}
 */
record StoryThread(
        String id,
        String sought,
        List<String> wants,
        Map<String, List<String>> reminders,
        Map<String, List<String>> resolutions,
        Map<String, String> summaries) {

    StoryThread {
        wants = List.copyOf(wants);
        reminders = Map.copyOf(reminders);
        resolutions = Map.copyOf(resolutions);
        summaries = Map.copyOf(summaries);
    }

    /** The reminders for one state of the thread; none when the bank has none. */
    List<String> reminders(String key) {
        return reminders.getOrDefault(key, List.of());
    }

    /** The ending sentences for one state of the thread. */
    List<String> resolutions(String key) {
        return resolutions.getOrDefault(key, List.of());
    }
}
