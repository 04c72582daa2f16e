package com.liminaltransit.admin.ridebot;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.offline.RideTrace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads ride after ride as an editor would and keeps the counts an {@link EditorReport} tells. Text alone serves any
 * provider; the offline storyteller's trace adds what text cannot say (which scene played, what a choice changes).
 * Not thread-safe: one run reads its rides one after another.
 */
final class EditorReading {

    /** A consequence must be named again within this many stops after its outcome. */
    static final int ECHO_WINDOW = 3;
    /** The share of rides a non-frame sentence may appear in. */
    static final double SHARE_LIMIT = 0.10;
    /** Below this many rides, the share of rides per sentence is reported but not judged: it says too little. */
    static final int SHARE_JUDGED_FROM = 1000;

    private static final int TOP = 12;
    private static final int EXAMPLES = 8;
    private static final int SAMPLES = 3;

    private final String policy;
    private final Predicate<String> frame;
    private final RideTrace.Catalogue catalogue;
    private final int judgedFrom;

    private int rides;
    private final Map<String, Integer> sentenceRides = new HashMap<>();
    private final Set<String> frameSentences = new HashSet<>();
    private final Set<String> classified = new HashSet<>();
    private int ridesWithRepeat;
    private int repeatedSentences;
    private int mostInOneRide;
    private final Map<String, Integer> withinRide = new HashMap<>();
    private final Map<String, Integer> labelRides = new HashMap<>();
    private int labelRepeats;
    private final Map<String, Integer> repeatedLabels = new HashMap<>();
    private int faults;
    private final List<String> faultExamples = new ArrayList<>();
    private final List<Integer> stops = new ArrayList<>();
    private int unended;
    private final Map<String, Integer> openers = new HashMap<>();
    private final Map<String, Integer> closers = new HashMap<>();
    private int endings;
    private final List<String> samples = new ArrayList<>();

    private int traced;
    private final Map<String, Integer> scenes = new HashMap<>();
    private final Map<String, Integer> people = new HashMap<>();
    private final Map<String, Integer> endingKeys = new HashMap<>();
    private final Map<String, Integer> threads = new HashMap<>();
    private int encountersOpened;
    private int dropped;
    private final List<String> droppedExamples = new ArrayList<>();
    private int goneNamed;
    private final List<String> goneExamples = new ArrayList<>();
    private int consequential;
    private int echoed;
    private final List<String> unechoed = new ArrayList<>();
    private int openStops;
    private int stopsWithConsequence;
    private int stopsWithGeneric;
    private int tracedEndings;
    private int endingsPrepared;

    /**
     * @param policy    how the rides were chosen, for the report
     * @param frame     which sentences are frames (judged apart), e.g. the offline bank's arrivals
     * @param catalogue what the offline bank holds, or {@code null}, so the report can name what no ride reached
     */
    EditorReading(String policy, Predicate<String> frame, RideTrace.Catalogue catalogue) {
        this(policy, frame, catalogue, SHARE_JUDGED_FROM);
    }

    EditorReading(String policy, Predicate<String> frame, RideTrace.Catalogue catalogue, int judgedFrom) {
        this.policy = policy;
        this.frame = frame;
        this.catalogue = catalogue;
        this.judgedFrom = judgedFrom;
    }

    /** Reads one ride. */
    void read(RideRead ride) {
        rides++;
        if (samples.size() < SAMPLES) {
            samples.add(ride.transcript());
        }
        readSentences(ride);
        readLabels(ride);
        readFaults(ride);
        if (ride.ended()) {
            stops.add(ride.stops().size() - 1);
            readEnding(ride.stops().getLast().passage());
        } else {
            unended++;
        }
        if (ride.trace() != null) {
            readTrace(ride);
        }
    }

    private void readSentences(RideRead ride) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RideRead.Stop stop : ride.stops()) {
            for (String sentence : Sentences.of(stop.passage())) {
                counts.merge(sentence, 1, Integer::sum);
            }
        }
        boolean repeated = false;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            String sentence = entry.getKey();
            sentenceRides.merge(sentence, 1, Integer::sum);
            if (classified.add(sentence) && frame.test(sentence)) {
                frameSentences.add(sentence);
            }
            mostInOneRide = Math.max(mostInOneRide, entry.getValue());
            if (entry.getValue() > 1) {
                repeated = true;
                repeatedSentences += entry.getValue() - 1;
                withinRide.merge(sentence + " (×" + entry.getValue() + ")", 1, Integer::sum);
            }
        }
        if (repeated) {
            ridesWithRepeat++;
        }
    }

    private void readLabels(RideRead ride) {
        Map<String, Integer> shown = new LinkedHashMap<>();
        for (RideRead.Stop stop : ride.stops()) {
            Set<String> here = new HashSet<>();
            for (ChoiceOption choice : stop.choices()) {
                String label = choice.label().strip();
                if (here.add(label.toLowerCase(Locale.ROOT))) {
                    shown.merge(label, 1, Integer::sum);
                }
            }
        }
        shown.forEach((label, times) -> {
            labelRides.merge(label, 1, Integer::sum);
            if (times > 1) {
                labelRepeats += times - 1;
                repeatedLabels.merge(label, 1, Integer::sum);
            }
        });
    }

    private void readFaults(RideRead ride) {
        for (RideRead.Stop stop : ride.stops()) {
            String where = "seed " + ride.seed() + " stop " + stop.stop() + ": ";
            TextFaults.inPassage(stop.passage()).forEach(f -> fault(where + f));
            stop.choices().forEach(c -> TextFaults.inLabel(c.label()).forEach(f -> fault(where + f)));
        }
    }

    private void fault(String finding) {
        faults++;
        if (faultExamples.size() < EXAMPLES) {
            faultExamples.add(finding);
        }
    }

    private void readEnding(String passage) {
        endings++;
        List<String> paragraphs = Sentences.paragraphs(passage);
        List<String> body = paragraphs.size() > 1 ? paragraphs.subList(1, paragraphs.size()) : paragraphs;
        List<String> opening = Sentences.of(body.getFirst());
        List<String> all = Sentences.of(passage);
        if (!opening.isEmpty()) {
            openers.merge(opening.getFirst(), 1, Integer::sum);
        }
        if (!all.isEmpty()) {
            closers.merge(all.getLast(), 1, Integer::sum);
        }
    }

    private void readTrace(RideRead ride) {
        traced++;
        RideTrace trace = ride.trace();
        Set<String> scenesHere = new HashSet<>();
        Set<String> peopleHere = new HashSet<>();
        List<RideRead.Stop> read = ride.stops();
        List<RideTrace.StopTrace> planned = trace.stops();
        for (int k = 0; k < planned.size() && k < read.size(); k++) {
            RideTrace.StopTrace stop = planned.get(k);
            String where = "seed " + ride.seed() + " stop " + k;
            if (stop.scene() != null) {
                scenesHere.add(stop.scene());
            }
            if (stop.encounterWith() != null) {
                peopleHere.add(stop.encounterWith());
            }
            if (k > 0 && !read.get(k).ending()) {
                List<String> paragraphs = Sentences.paragraphs(read.get(k).passage());
                String whole = String.join("\n", paragraphs).toLowerCase(Locale.ROOT);
                // The stop right after a farewell opens with the farewell itself: only what follows it counts.
                String afterOutcome = String.join(
                                "\n", paragraphs.subList(Math.min(1, paragraphs.size()), paragraphs.size()))
                        .toLowerCase(Locale.ROOT);
                List<String> goneBefore = planned.get(k - 1).gone();
                for (String gone : stop.gone()) {
                    String passage = goneBefore.contains(gone) ? whole : afterOutcome;
                    if (passage.contains(gone.toLowerCase(Locale.ROOT))) {
                        goneNamed++;
                        if (goneExamples.size() < EXAMPLES) {
                            goneExamples.add(where + ": " + gone + " had left the train");
                        }
                    }
                }
            }
            if (stop.offers().isEmpty()) {
                continue;
            }
            openStops++;
            if (stop.offers().stream().anyMatch(o -> o.consequence() != null)) {
                stopsWithConsequence++;
            }
            if (stop.offers().stream().anyMatch(RideTrace.OfferTrace::generic)) {
                stopsWithGeneric++;
            }
            RideTrace.OfferTrace chosen = stop.chosen().orElse(null);
            if (stop.encounterWith() != null) {
                encountersOpened++;
                if (chosen != null && chosen.generic()) {
                    dropped++;
                    if (droppedExamples.size() < EXAMPLES) {
                        droppedExamples.add(where + ": " + stop.encounterWith() + " left unanswered for \""
                                + chosen.label() + "\"");
                    }
                }
            }
            // An ending's consequence is the ending itself, read at once; the others must be named again.
            if (chosen != null && chosen.target() != null && k + 1 < read.size()) {
                consequential++;
                if (namedAgain(read, k, chosen.target())
                        || "thread".equals(chosen.consequence()) && endsWithin(read, k)) {
                    echoed++;
                } else if (unechoed.size() < EXAMPLES) {
                    unechoed.add(where + ": \"" + chosen.label() + "\" (" + chosen.consequence() + ": "
                            + chosen.target() + ")");
                }
            }
        }
        scenesHere.forEach(s -> scenes.merge(s, 1, Integer::sum));
        peopleHere.forEach(p -> people.merge(p, 1, Integer::sum));
        if (trace.thread() != null) {
            threads.merge(trace.thread(), 1, Integer::sum);
        }
        if (trace.ending() != null) {
            endingKeys.merge(trace.ending(), 1, Integer::sum);
            tracedEndings++;
            int before = planned.size() - 2;
            if (before >= 0 && planned.get(before).prepares()) {
                endingsPrepared++;
            }
        }
    }

    /** Whether the ride ends within the window: an ending always says what became of the thread. */
    private static boolean endsWithin(List<RideRead.Stop> read, int chosenAt) {
        for (int j = chosenAt + 1; j <= chosenAt + ECHO_WINDOW && j < read.size(); j++) {
            if (read.get(j).ending()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the target is named after the outcome paragraph, within the window of stops. */
    private static boolean namedAgain(List<RideRead.Stop> read, int chosenAt, String target) {
        String needle = target.toLowerCase(Locale.ROOT);
        for (int j = chosenAt + 1; j <= chosenAt + ECHO_WINDOW && j < read.size(); j++) {
            String passage = read.get(j).passage();
            if (j == chosenAt + 1 && !read.get(j).ending()) {
                List<String> paragraphs = Sentences.paragraphs(passage);
                passage = String.join("\n", paragraphs.subList(Math.min(1, paragraphs.size()), paragraphs.size()));
            }
            if (passage.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** The report of everything read so far. */
    EditorReport report() {
        List<EditorReport.Share> nonFrame = top(sentenceRides, s -> !frameSentences.contains(s), rides, TOP);
        int over = (int) sentenceRides.entrySet().stream()
                .filter(e -> !frameSentences.contains(e.getKey()))
                .filter(e -> e.getValue() > SHARE_LIMIT * rides)
                .count();
        List<String> histogram = new ArrayList<>();
        Map<Integer, Integer> byStop = new TreeMap<>();
        stops.forEach(s -> byStop.merge(s, 1, Integer::sum));
        byStop.forEach((stop, count) -> histogram.add(stop + ": " + count));
        return new EditorReport(
                policy,
                rides,
                ridesWithRepeat,
                repeatedSentences,
                mostInOneRide,
                top(withinRide, s -> true, rides, TOP),
                sentenceRides.size(),
                SHARE_LIMIT,
                judgedFrom,
                over,
                nonFrame,
                top(sentenceRides, frameSentences::contains, rides, 5),
                labelRepeats,
                top(repeatedLabels, s -> true, rides, TOP),
                top(labelRides, s -> true, rides, TOP),
                faults,
                faultExamples,
                stops.stream().mapToInt(Integer::intValue).min().orElse(0),
                stops.stream().mapToInt(Integer::intValue).average().orElse(0),
                stops.stream().mapToInt(Integer::intValue).max().orElse(0),
                histogram,
                unended,
                top(openers, s -> true, endings, 5),
                top(closers, s -> true, endings, 5),
                traced == 0 ? null : coverage(),
                samples);
    }

    private EditorReport.Coverage coverage() {
        RideTrace.Catalogue known =
                catalogue == null ? new RideTrace.Catalogue(List.of(), List.of(), List.of(), List.of()) : catalogue;
        return new EditorReport.Coverage(
                traced,
                top(scenes, s -> true, traced, Integer.MAX_VALUE),
                never(known.scenes(), scenes),
                top(people, s -> true, traced, Integer.MAX_VALUE),
                never(known.encounters(), people),
                top(endingKeys, s -> true, traced, Integer.MAX_VALUE),
                never(known.endings(), endingKeys),
                top(threads, s -> true, traced, Integer.MAX_VALUE),
                never(known.threads(), threads),
                encountersOpened,
                dropped,
                droppedExamples,
                goneNamed,
                goneExamples,
                consequential,
                echoed,
                unechoed,
                openStops,
                stopsWithConsequence,
                stopsWithGeneric,
                tracedEndings,
                endingsPrepared);
    }

    private static List<String> never(List<String> known, Map<String, Integer> reached) {
        return known.stream().filter(k -> !reached.containsKey(k)).toList();
    }

    private static List<EditorReport.Share> top(
            Map<String, Integer> counts, Predicate<String> keep, int of, int limit) {
        return counts.entrySet().stream()
                .filter(e -> keep.test(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new EditorReport.Share(e.getKey(), e.getValue(), of == 0 ? 0 : (double) e.getValue() / of))
                .toList();
    }
}
