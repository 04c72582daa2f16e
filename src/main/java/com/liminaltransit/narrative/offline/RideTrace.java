package com.liminaltransit.narrative.offline;

import java.util.List;

/**
 * What the offline storyteller did on a ride, stop by stop, for the writers' randomtest: the prose alone cannot say
 * which scene played, whom an encounter was with, which choices were the general ones or what a choice changed.
 *
 * @param stops  every stop of the path, from the boarding to the stop after the last choice
 * @param thread the id of the ride's thread (what the player wants, finds or loses), or {@code null}
 * @param ending the key of the ending the ride reached at its last stop, or {@code null} when it has not ended
 */
public record RideTrace(List<StopTrace> stops, String thread, String ending) {

    public RideTrace {
        stops = List.copyOf(stops);
    }

    /**
     * One stop as the storyteller planned it.
     *
     * @param stop          index from 0
     * @param scene         the id of the scene that played, or {@code null} at an ending
     * @param encounterWith how the scene's encounter names its other party (e.g. {@code the porter}), or
     *                      {@code null} when the scene opens none: an encounter is closed by one of the scene's own
     *                      choices, so taking a general one instead drops it
     * @param offers        the choices offered
     * @param chosenId      the choice taken here, or {@code null} at an ending
     * @param gone          short names of the passengers who have left the train before this stop
     * @param prepares      whether the stop prepares the ending that follows it
     */
    public record StopTrace(
            int stop,
            String scene,
            String encounterWith,
            List<OfferTrace> offers,
            String chosenId,
            List<String> gone,
            boolean prepares) {

        public StopTrace {
            offers = List.copyOf(offers);
            gone = List.copyOf(gone);
        }

        /** The offer taken here, if it was one of ours. */
        public java.util.Optional<OfferTrace> chosen() {
            return offers.stream().filter(o -> o.id().equals(chosenId)).findFirst();
        }
    }

    /**
     * One choice as offered.
     *
     * @param id          its id
     * @param label       its label
     * @param generic     whether it is a general move any stop may add, rather than the scene's own
     * @param consequence what it changes that the player will meet again ({@code item}, {@code companion},
     *                    {@code slighted}, {@code thread}, {@code ticket}), or {@code null} when it is texture
     * @param target      the words later passages name that consequence by (e.g. {@code the brass key}), or
     *                    {@code null}
     */
    public record OfferTrace(String id, String label, boolean generic, String consequence, String target) {}

    /**
     * What a bank holds, so a report can say what no ride reached.
     *
     * @param scenes     scene ids
     * @param encounters the people a player may meet, by short name
     * @param endings    ending keys
     * @param threads    thread ids (empty when the bank has none)
     */
    public record Catalogue(List<String> scenes, List<String> encounters, List<String> endings, List<String> threads) {
        public Catalogue {
            scenes = List.copyOf(scenes);
            encounters = List.copyOf(encounters);
            endings = List.copyOf(endings);
            threads = List.copyOf(threads);
        }
    }
}
