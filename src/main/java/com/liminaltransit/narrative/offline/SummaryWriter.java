package com.liminaltransit.narrative.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the running summary from the ride's state rather than from past passages, so it stays one short paragraph
 * however long the ride. When it would run over {@link #MAX_LENGTH}, the least telling sentences are dropped.
 */
final class SummaryWriter {

    /** Longest summary written; the contract allows more, a prompt is better off with less. */
    static final int MAX_LENGTH = 600;

    private static final int MAX_ITEMS_NAMED = 3;

    private final Prose prose;

    SummaryWriter(Prose prose) {
        this.prose = prose;
    }

    /**
     * The summary after this stop's passage.
     *
     * @param ending how the ride ends at this stop, or {@code null} when it goes on
     */
    String write(Ride ride, RideState state, int stop, Ending ending) {
        List<Sentence> sentences = new ArrayList<>();
        sentences.add(new Sentence(
                stop == 0
                        ? "You have just boarded " + ride.line() + " at "
                                + ride.boarding().name() + ". Outside there is " + ride.weather() + "."
                        : "You boarded " + ride.line() + " at "
                                + ride.boarding().name() + ". Outside there is " + ride.weather() + ".",
                9));
        if (stop > 0) {
            sentences.add(new Sentence(stations(ride, state, stop, ending), 7));
        }
        if (!state.items().isEmpty()) {
            sentences.add(new Sentence("You carry " + items(ride, state) + ".", 6));
        }
        sentences.add(
                new Sentence(state.ticket() ? "Your ticket is still in your pocket." : "Your ticket is gone.", 4));
        if (state.companion() != null) {
            sentences.add(new Sentence(
                    Template.capitalise(ride.passenger(state.companion()).shortName()) + " travels with you.", 6));
        }
        if (state.slighted() != null) {
            sentences.add(new Sentence(
                    Template.capitalise(ride.passenger(state.slighted()).shortName()) + " will not look at you.", 5));
        }
        if (!state.recentDeeds().isEmpty()) {
            sentences.add(new Sentence("Lately you " + String.join(", and then ", state.recentDeeds()) + ".", 3));
        }
        feeling(state).ifPresent(text -> sentences.add(new Sentence(text, 2)));
        if (ending != null) {
            String place = state.leaving() ? ride.stationAt(stop - 1).name() : ride.terminus();
            Map<String, String> values =
                    Placeholders.of(ride, state, new Bindings(ride.stationAt(stop), null, null, null), stop);
            sentences.add(new Sentence(
                    "At " + place + " you "
                            + Template.fill(prose.endingSummaries().get(ending), values) + ", and the ride was over.",
                    10));
        }
        return fit(sentences);
    }

    private static String stations(Ride ride, RideState state, int stop, Ending ending) {
        int passed = ending != null && state.leaving() ? stop - 1 : stop;
        String text =
                passed == 1 ? "You have passed one station" : "You have passed " + Words.number(passed) + " stations";
        if (ending == null) {
            text += ", most recently " + ride.stationAt(stop).name();
        }
        return text + (state.counting() ? ", and you are counting them." : ".");
    }

    /** The items carried, the longest-carried first; a long list is cut short rather than crowding the rest. */
    private static String items(Ride ride, RideState state) {
        List<String> names =
                state.items().stream().map(id -> ride.item(id).shortName()).toList();
        if (names.size() > MAX_ITEMS_NAMED) {
            return String.join(", ", names.subList(0, MAX_ITEMS_NAMED)) + " and more besides";
        }
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static Optional<String> feeling(RideState state) {
        if (state.memory() <= 0) {
            return Optional.of("Your own name is getting hard to hold on to.");
        }
        if (state.memory() >= 3) {
            return Optional.of("You remember more of yourself than when you boarded.");
        }
        if (state.front() >= 2) {
            return Optional.of("You have come far up the train, close to the engine.");
        }
        if (state.front() <= -2) {
            return Optional.of("You have drifted back to the oldest carriages.");
        }
        return Optional.empty();
    }

    /** Drops the least telling sentences until the paragraph fits, keeping the order of the rest. */
    private static String fit(List<Sentence> sentences) {
        List<Sentence> kept = new ArrayList<>(sentences);
        while (length(kept) > MAX_LENGTH && kept.size() > 1) {
            kept.remove(
                    kept.stream().min(Comparator.comparingInt(Sentence::weight)).orElseThrow());
        }
        String text = String.join(" ", kept.stream().map(Sentence::text).toList());
        return text.length() <= MAX_LENGTH ? text : text.substring(0, text.lastIndexOf(' ', MAX_LENGTH - 1)) + ".";
    }

    private static int length(List<Sentence> sentences) {
        return sentences.stream().mapToInt(s -> s.text().length() + 1).sum() - 1;
    }

    /** A sentence of the summary and how much it tells, higher kept longer. */
    private record Sentence(String text, int weight) {}
}
