package com.liminaltransit.admin.ridebot;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.offline.RideTrace;
import java.util.List;

/**
 * One played ride as the editor reads it: every stop's passage, the choices it offered and the one taken, and, when
 * {@code offline} wrote every stop, its trace (scenes, encounters, what each choice changes).
 *
 * @param seed  the ride's seed
 * @param stops the stops, from the boarding on
 * @param trace the offline storyteller's trace of the ride, or {@code null} when another provider wrote a stop
 */
record RideRead(long seed, List<RideRead.Stop> stops, RideTrace trace) {

    RideRead {
        stops = List.copyOf(stops);
    }

    /**
     * One stop.
     *
     * @param stop     index from 0
     * @param passage  what the player read
     * @param choices  what was offered
     * @param chosenId what was taken, or {@code null}
     * @param ending   whether the ride ended here
     */
    record Stop(int stop, String passage, List<ChoiceOption> choices, String chosenId, boolean ending) {
        Stop {
            choices = List.copyOf(choices);
        }
    }

    /** Whether the ride reached an ending. */
    boolean ended() {
        return !stops.isEmpty() && stops.getLast().ending();
    }

    /** The ride as a reader would keep it: each stop, then what was offered and what was chosen. */
    String transcript() {
        StringBuilder text = new StringBuilder();
        text.append("Ride with seed ").append(seed).append('\n');
        for (Stop stop : stops) {
            text.append("\n— Stop ")
                    .append(stop.stop())
                    .append(stop.ending() ? " (the end)" : "")
                    .append(" —\n");
            text.append(stop.passage()).append('\n');
            for (ChoiceOption choice : stop.choices()) {
                boolean taken = choice.id().equals(stop.chosenId());
                text.append(taken ? "  ▸ " : "  · ").append(choice.label()).append('\n');
            }
        }
        return text.toString();
    }
}
