package com.liminaltransit.narrative.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the running summary from the ride's state rather than from past passages, so it stays one short paragraph
 * however long the ride. Its words are the bank's ({@code summary} in the frames), so a writer or a translator
 * can change them. When it would run over {@link #MAX_LENGTH}, the least telling sentences are dropped.
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
        Map<String, String> values =
                Placeholders.of(ride, state, new Bindings(ride.stationAt(stop), null, null, null, null), stop, prose);
        List<Sentence> sentences = new ArrayList<>();
        sentences.add(new Sentence(piece(stop == 0 ? "boarding" : "boarded", values), 9));
        if (stop > 0) {
            values.put("passed", prose.number(stop));
            String passed = piece(stop == 1 ? "passedOne" : "passedMany", values);
            if (ending == null) {
                passed += piece("recently", values);
            }
            passed += piece(state.counting() ? "counting" : "notCounting", values);
            sentences.add(new Sentence(passed, 7));
        }
        if (!state.items().isEmpty()) {
            values.put("items", items(ride, state));
            sentences.add(new Sentence(piece("carry", values), 6));
        }
        sentences.add(new Sentence(piece(state.ticket() ? "ticket" : "noTicket", values), 4));
        if (state.companion() != null) {
            sentences.add(new Sentence(piece("companion", values), 6));
        }
        if (state.slighted() != null) {
            sentences.add(new Sentence(piece("slighted", values), 5));
        }
        if (!state.gone().isEmpty()) {
            sentences.add(new Sentence(piece("gone", values), 4));
        }
        String threadKey = PassageWriter.threadKey(state);
        String thread = ride.thread().summaries().get(threadKey);
        if (thread != null) {
            sentences.add(new Sentence(Template.fill(thread, values), 8));
        }
        if (!state.recentDeeds().isEmpty()) {
            values.put("deeds", String.join(prose.summary("then"), state.recentDeeds()));
            sentences.add(new Sentence(piece("lately", values), 3));
        }
        feeling(state).ifPresent(key -> sentences.add(new Sentence(piece(key, values), 2)));
        if (ending != null) {
            Prose.EndingText text = prose.endings().get(ending);
            values.put(
                    "place",
                    text.atTerminus() ? ride.terminus() : ride.stationAt(stop).name());
            values.put("ending", Template.fill(text.summary(), values));
            sentences.add(new Sentence(piece("ended", values), 10));
        }
        return fit(sentences);
    }

    private String piece(String key, Map<String, String> values) {
        String template = prose.summary(key);
        Map<String, String> all = new HashMap<>(values);
        Template.slots(template).forEach(slot -> all.putIfAbsent(slot, ""));
        return Template.fill(template, all);
    }

    /** The items carried, the longest-carried first; a long list is cut short rather than crowding the rest. */
    private String items(Ride ride, RideState state) {
        List<String> names =
                state.items().stream().map(id -> ride.item(id).shortName()).toList();
        if (names.size() > MAX_ITEMS_NAMED) {
            return String.join(", ", names.subList(0, MAX_ITEMS_NAMED)) + prose.summary("more");
        }
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + prose.summary("and") + names.getLast();
    }

    private static Optional<String> feeling(RideState state) {
        if (state.memory() <= 0) {
            return Optional.of("forgetful");
        }
        if (state.memory() >= 3) {
            return Optional.of("remembers");
        }
        if (state.front() >= 2) {
            return Optional.of("front");
        }
        if (state.front() <= -2) {
            return Optional.of("back");
        }
        return Optional.empty();
    }

    /** Drops the least telling sentences until the paragraph fits, keeping the order of the rest. */
    private static String fit(List<Sentence> sentences) {
        List<Sentence> kept = new ArrayList<>(sentences);
        kept.removeIf(s -> s.text().isBlank());
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
