package com.liminaltransit.transcript;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A ride as a document to keep, the same for every format: what the renderers write, already cut to the stops
 * asked for and cleaned of characters no document format can hold. Passages and labels are still model text:
 * each renderer escapes them for its own format.
 *
 * @param rideId   the ride's id (a UUID)
 * @param title    the document's title, e.g. "The night train from Hollow Quay"
 * @param station  the station the ride boarded at, when the first stop names one; {@code null} otherwise
 * @param boarded  the day the ride was boarded (UTC)
 * @param modified when the ride last moved on
 * @param language the language the passages are written in (a BCP 47 tag)
 * @param stops    the stops shown, stop 0 first
 * @param cut      whether the document stops before the ride's newest stop ({@code ?stop=n})
 */
public record Transcript(
        String rideId,
        String title,
        String station,
        LocalDate boarded,
        Instant modified,
        String language,
        List<Stop> stops,
        boolean cut) {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    public Transcript {
        stops = List.copyOf(stops);
    }

    /** The boarding day as people write it: "2 December 2026". */
    public String boardedText() {
        return LONG_DATE.format(boarded);
    }

    /** The boarding day as ISO 8601: "2026-12-02". */
    public String boardedIso() {
        return boarded.toString();
    }

    /** The last stop shown. */
    public Stop last() {
        return stops.getLast();
    }

    /** Whether the document ends at the ride's terminus. */
    public boolean ended() {
        return last().ending();
    }

    /** The stops where a choice was made and others were left: the doors not taken. */
    public List<Stop> withDoorsNotTaken() {
        return stops.stream().filter(stop -> !stop.notTaken().isEmpty()).toList();
    }

    /** "1 stop", "5 stops". */
    public String stopCountText() {
        return stops.size() == 1 ? "1 stop" : stops.size() + " stops";
    }

    /**
     * One stop of the ride.
     *
     * @param number     its index from 0
     * @param heading    "Boarding", "Stop 3" or "Terminus", as the ride page heads it
     * @param paragraphs the passage: paragraphs, each a list of lines (model text)
     * @param chosen     the label of the choice taken here, or {@code null} (open stop, or the terminus)
     * @param offered    the labels of every choice offered here, in order
     * @param ending     whether the ride ends here
     */
    public record Stop(
            int number,
            String heading,
            List<List<String>> paragraphs,
            String chosen,
            List<String> offered,
            boolean ending) {

        public Stop {
            paragraphs = paragraphs.stream().map(List::copyOf).toList();
            offered = List.copyOf(offered);
        }

        /** Whether the stop still waits for a choice. */
        public boolean open() {
            return chosen == null && !ending;
        }

        /** The choices offered here but not taken; empty while the stop is open. */
        public List<String> notTaken() {
            return chosen == null
                    ? List.of()
                    : offered.stream().filter(label -> !label.equals(chosen)).toList();
        }

        /** The anchor of this stop in one-page formats. */
        public String anchor() {
            return "stop-" + number;
        }
    }
}
