package com.liminaltransit.admin.ridebot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A randomtest read as an editor reads: sentences that come back within a ride and across rides, labels repeated
 * from stop to stop, slips in filled templates, how long rides run and how their endings open and close, and, for
 * rides {@code offline} wrote, which scenes, encounters, threads and endings rides reach, whether encounters are
 * closed, whether a departed passenger stays gone and whether a choice's consequence shows up again.
 *
 * @param policy             how the bot chose ({@code random} or {@code least-used})
 * @param rides              rides read
 * @param ridesWithRepeat    rides in which some sentence appears twice or more
 * @param repeatedSentences  sentences read again within their ride (each extra reading counts)
 * @param mostInOneRide      the most times one sentence was read in one ride
 * @param withinRide         the sentences most often repeated within one ride (rides affected)
 * @param distinctSentences  different sentences read in the run (frames included)
 * @param shareLimit         the share of rides a non-frame sentence may appear in
 * @param judgedFrom         the fewest rides for which the share is judged (fewer rides say too little)
 * @param overLimit          non-frame sentences that appear in more than {@code shareLimit} of rides
 * @param acrossRides        the non-frame sentences in the most rides
 * @param frames             the frame sentences in the most rides
 * @param labelRepeats       labels offered again at a later stop of the same ride
 * @param repeatedLabels     the labels most often offered twice in a ride (rides affected)
 * @param commonLabels       the labels offered in the most rides
 * @param faults             slips found in filled templates (passages and labels)
 * @param faultExamples      the first few, with where
 * @param minStops           fewest stops to an ending
 * @param meanStops          mean stops to an ending
 * @param maxStops           most stops to an ending
 * @param stopsHistogram     rides by the stop they ended at, as "stop: rides"
 * @param unended            rides that reached no ending
 * @param endingOpeners      how ending passages open (first sentence after the last choice's outcome)
 * @param endingClosers      how ending passages close (their last sentence)
 * @param coverage           what the offline traces tell, or {@code null} when no ride was written by offline alone
 * @param samples            the first rides as transcripts
 */
public record EditorReport(
        String policy,
        int rides,
        int ridesWithRepeat,
        int repeatedSentences,
        int mostInOneRide,
        List<Share> withinRide,
        int distinctSentences,
        double shareLimit,
        int judgedFrom,
        int overLimit,
        List<Share> acrossRides,
        List<Share> frames,
        int labelRepeats,
        List<Share> repeatedLabels,
        List<Share> commonLabels,
        int faults,
        List<String> faultExamples,
        int minStops,
        double meanStops,
        int maxStops,
        List<String> stopsHistogram,
        int unended,
        List<Share> endingOpeners,
        List<Share> endingClosers,
        Coverage coverage,
        List<String> samples) {

    public EditorReport {
        withinRide = List.copyOf(withinRide);
        acrossRides = List.copyOf(acrossRides);
        frames = List.copyOf(frames);
        repeatedLabels = List.copyOf(repeatedLabels);
        commonLabels = List.copyOf(commonLabels);
        faultExamples = List.copyOf(faultExamples);
        stopsHistogram = List.copyOf(stopsHistogram);
        endingOpeners = List.copyOf(endingOpeners);
        endingClosers = List.copyOf(endingClosers);
        samples = List.copyOf(samples);
    }

    /**
     * A text and the rides it was found in.
     *
     * @param text  the sentence, label or name
     * @param rides how many rides
     * @param share that as a share of the rides read
     */
    public record Share(String text, int rides, double share) {
        /** The share in percent, for the page. */
        public String percent() {
            return String.format(Locale.ROOT, "%.1f%%", share * 100);
        }
    }

    /**
     * What the offline traces tell.
     *
     * @param traced               rides with a trace
     * @param scenes               scenes by rides reaching them, most first
     * @param scenesNever          scenes no ride reached
     * @param encounters           people met, by rides meeting them
     * @param encountersNever      people no ride met
     * @param endings              endings by rides reaching them
     * @param endingsNever         endings no ride reached
     * @param threads              threads by rides following them
     * @param threadsNever         threads no ride followed
     * @param encountersOpened     encounters opened (a scene with someone who wants something of the player)
     * @param dropped              encounters left unanswered: a general move was taken instead
     * @param droppedExamples      the first few
     * @param goneNamed            passages that name a passenger who had left the train (endings aside)
     * @param goneExamples         the first few
     * @param consequential        choices taken that change something the player should meet again
     * @param echoed               of those, the ones named again within {@value EditorReading#ECHO_WINDOW} stops
     * @param unechoedExamples     the first few that were not
     * @param openStops            stops with choices
     * @param stopsWithConsequence of those, the ones offering at least one consequential choice
     * @param stopsWithGeneric     of those, the ones offering a general move
     * @param endingsReached       rides that ended
     * @param endingsPrepared      of those, the ones whose stop before the ending prepared it
     */
    public record Coverage(
            int traced,
            List<Share> scenes,
            List<String> scenesNever,
            List<Share> encounters,
            List<String> encountersNever,
            List<Share> endings,
            List<String> endingsNever,
            List<Share> threads,
            List<String> threadsNever,
            int encountersOpened,
            int dropped,
            List<String> droppedExamples,
            int goneNamed,
            List<String> goneExamples,
            int consequential,
            int echoed,
            List<String> unechoedExamples,
            int openStops,
            int stopsWithConsequence,
            int stopsWithGeneric,
            int endingsReached,
            int endingsPrepared) {

        public Coverage {
            scenes = List.copyOf(scenes);
            scenesNever = List.copyOf(scenesNever);
            encounters = List.copyOf(encounters);
            encountersNever = List.copyOf(encountersNever);
            endings = List.copyOf(endings);
            endingsNever = List.copyOf(endingsNever);
            threads = List.copyOf(threads);
            threadsNever = List.copyOf(threadsNever);
            droppedExamples = List.copyOf(droppedExamples);
            goneExamples = List.copyOf(goneExamples);
            unechoedExamples = List.copyOf(unechoedExamples);
        }

        /** Consequential choices echoed later, in percent. */
        public String echoedPercent() {
            return percent(echoed, consequential);
        }

        /** Stops offering a consequential choice, in percent. */
        public String consequencePercent() {
            return percent(stopsWithConsequence, openStops);
        }

        /** Stops offering a general move, in percent. */
        public String genericPercent() {
            return percent(stopsWithGeneric, openStops);
        }

        /** Endings prepared by the stop before, in percent. */
        public String preparedPercent() {
            return percent(endingsPrepared, endingsReached);
        }
    }

    /** What keeps the run from passing as an editor would pass it; empty when nothing does. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (ridesWithRepeat > 0) {
            problems.add(ridesWithRepeat + " rides read a sentence twice (" + repeatedSentences + " repeats)");
        }
        if (rides >= judgedFrom && overLimit > 0) {
            problems.add(overLimit + " sentences appear in more than " + Math.round(shareLimit * 100) + "% of rides");
        }
        if (labelRepeats > 0) {
            problems.add(labelRepeats + " labels offered again at a later stop of the same ride");
        }
        if (faults > 0) {
            problems.add(faults + " slips in filled templates");
        }
        if (coverage != null && coverage.dropped() > 0) {
            problems.add(coverage.dropped() + " encounters dropped");
        }
        if (coverage != null && coverage.goneNamed() > 0) {
            problems.add(coverage.goneNamed() + " passages name a passenger who had left the train");
        }
        return problems;
    }

    /** Whether the share of rides per sentence was judged (enough rides were read). */
    public boolean shareJudged() {
        return rides >= judgedFrom;
    }

    /** Mean stops to an ending, for the page. */
    public String meanStopsText() {
        return String.format(Locale.ROOT, "%.1f", meanStops);
    }

    /** The report as plain text, for the command line, CI logs and bench/. */
    public String toText() {
        StringBuilder t = new StringBuilder();
        line(t, "editor's reading (%s choices, %d rides)", policy, rides);
        line(
                t,
                "  within a ride:    %d rides read a sentence twice or more (%d repeats; at worst one sentence %d"
                        + " times in a ride)",
                ridesWithRepeat,
                repeatedSentences,
                mostInOneRide);
        shares(t, "    ", withinRide, "rides");
        line(
                t,
                "  across rides:     %d different sentences; %d non-frame sentences in more than %.0f%% of rides%s",
                distinctSentences,
                overLimit,
                shareLimit * 100,
                shareJudged() ? "" : " (not judged under " + judgedFrom + " rides)");
        line(t, "    top non-frame sentences (share of rides):");
        shares(t, "      ", acrossRides, "%");
        line(t, "    top frame sentences (share of rides):");
        shares(t, "      ", frames, "%");
        line(t, "  labels:           %d offered again at a later stop of the same ride", labelRepeats);
        shares(t, "    ", repeatedLabels, "rides");
        line(t, "    most offered labels (share of rides):");
        shares(t, "      ", commonLabels, "%");
        line(t, "  template slips:   %d", faults);
        faultExamples.forEach(f -> line(t, "    - %s", f));
        line(
                t,
                "  stops to ending:  min %d, mean %.1f, max %d; %d rides without an ending",
                minStops,
                meanStops,
                maxStops,
                unended);
        line(t, "    %s", String.join(", ", stopsHistogram));
        line(t, "  endings open with (share of endings):");
        shares(t, "    ", endingOpeners, "%");
        line(t, "  endings close with (share of endings):");
        shares(t, "    ", endingClosers, "%");
        if (coverage == null) {
            line(t, "  coverage:         no ride was written by offline alone, so scenes and encounters are unknown");
        } else {
            Coverage c = coverage;
            line(t, "  coverage (%d rides traced):", c.traced());
            line(t, "    scenes reached:   %d; never: %s", c.scenes().size(), names(c.scenesNever()));
            line(t, "      least reached: %s", tail(c.scenes()));
            line(t, "    people met:       %d; never: %s", c.encounters().size(), names(c.encountersNever()));
            line(t, "    endings:          %s; never: %s", inline(c.endings()), names(c.endingsNever()));
            if (!c.threads().isEmpty() || !c.threadsNever().isEmpty()) {
                line(t, "    threads:          %s; never: %s", inline(c.threads()), names(c.threadsNever()));
            }
            line(t, "    encounters:       %d opened, %d dropped", c.encountersOpened(), c.dropped());
            c.droppedExamples().forEach(f -> line(t, "      - %s", f));
            line(t, "    departed named:   %d passages name a passenger after they left", c.goneNamed());
            c.goneExamples().forEach(f -> line(t, "      - %s", f));
            line(
                    t,
                    "    consequences:     %d of %d consequential choices named again within %d stops (%s)",
                    c.echoed(),
                    c.consequential(),
                    EditorReading.ECHO_WINDOW,
                    c.echoedPercent());
            c.unechoedExamples().forEach(f -> line(t, "      - %s", f));
            line(
                    t,
                    "    stops offering a consequential choice: %s; offering a general move: %s",
                    c.consequencePercent(),
                    c.genericPercent());
            line(
                    t,
                    "    endings prepared by the stop before: %d of %d (%s)",
                    c.endingsPrepared(),
                    c.endingsReached(),
                    c.preparedPercent());
        }
        List<String> problems = problems();
        line(t, "  editor's verdict: %s", problems.isEmpty() ? "CLEAN" : String.join("; ", problems));
        return t.toString();
    }

    private static void line(StringBuilder t, String format, Object... args) {
        t.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }

    private static void shares(StringBuilder t, String indent, List<Share> shares, String unit) {
        for (Share s : shares) {
            t.append(indent)
                    .append("%".equals(unit) ? s.percent() : s.rides() + " " + unit)
                    .append("  ")
                    .append(s.text())
                    .append(System.lineSeparator());
        }
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String inline(List<Share> shares) {
        return String.join(
                ", ", shares.stream().map(s -> s.text() + " " + s.percent()).toList());
    }

    private static String tail(List<Share> shares) {
        int from = Math.max(0, shares.size() - 5);
        return inline(shares.subList(from, shares.size()));
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
