package com.liminaltransit.admin.ridebot;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.PastStop;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.offline.OfflineProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The editor's randomtest straight on the {@code offline} storyteller: no server, no database, a thousand rides in
 * seconds. Each stop is asked for with the context the story service builds (summary, recent stops, the choice just
 * made), so what is read is what a player reads. The build's gate runs it; writers run it from the command line:
 * <pre>
 * java -cp 'target/liminal-transit.jar:target/libs/*' com.liminaltransit.admin.ridebot.OfflineRandomtest \
 *     --rides 1000 --seed 1 --policy least-used [--transcripts 3] [--out report.txt]
 * </pre>
 * Exit code 0 when the editor finds nothing wrong, 1 when it does, 2 on bad arguments.
 */
public final class OfflineRandomtest {

    /** A ride that has not ended by this stop is a dead end. */
    static final int GIVE_UP = RideBot.MAX_STOPS;

    private final OfflineProvider provider;

    /** Plays on this storyteller. */
    public OfflineRandomtest(OfflineProvider provider) {
        this.provider = provider;
    }

    /** Plays {@code rides} rides from {@code seed}, choosing by {@code policy}, and reads them as an editor. */
    public EditorReport run(int rides, long seed, ChoicePolicy policy) {
        Random random = new Random(seed);
        ChoicePolicy.Chooser chooser = policy.chooser(new Random(seed ^ 0x5DEECE66DL));
        EditorReading reading = new EditorReading(policy.key(), provider::isFrame, provider.catalogue());
        for (int i = 0; i < rides; i++) {
            reading.read(play(random.nextLong(), chooser));
        }
        return reading.report();
    }

    /** One ride, played to its ending (or the stop limit). */
    RideRead play(long rideSeed, ChoicePolicy.Chooser chooser) {
        List<RideRead.Stop> stops = new ArrayList<>();
        List<String> path = new ArrayList<>();
        List<PastStop> recent = new ArrayList<>();
        String summary = "";
        ChoiceOption chosen = null;
        for (int stop = 0; stop < GIVE_UP; stop++) {
            StoryContext context = new StoryContext(
                    "randomtest-" + rideSeed,
                    rideSeed,
                    stop,
                    summary,
                    recent.subList(Math.max(0, recent.size() - StoryContext.RECENT_STOPS), recent.size()),
                    chosen,
                    path,
                    "en");
            Narrative narrative = provider.generate(context).narrative();
            if (narrative.ending() || narrative.choices().isEmpty()) {
                stops.add(new RideRead.Stop(stop, narrative.passage(), narrative.choices(), null, narrative.ending()));
                break;
            }
            chosen = chooser.choose(narrative.choices());
            stops.add(new RideRead.Stop(stop, narrative.passage(), narrative.choices(), chosen.id(), false));
            recent.add(new PastStop(stop, narrative.passage(), chosen.label()));
            path.add(chosen.id());
            summary = narrative.summary();
        }
        return new RideRead(rideSeed, stops, provider.trace(rideSeed, path));
    }

    /** Runs from the command line and exits with the editor's verdict. */
    public static void main(String[] args) {
        int rides = 1000;
        long seed = 1;
        ChoicePolicy policy = ChoicePolicy.RANDOM;
        int transcripts = 0;
        Path out = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rides" -> rides = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--policy" -> {
                        String name = args[++i];
                        policy = ChoicePolicy.of(name)
                                .orElseThrow(() -> new IllegalArgumentException("no policy " + name));
                    }
                    case "--transcripts" -> transcripts = Integer.parseInt(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
            if (rides < 1) {
                throw new IllegalArgumentException("--rides must be at least 1");
            }
        } catch (RuntimeException e) {
            System.err.println("usage: OfflineRandomtest [--rides N] [--seed S] [--policy random|least-used]"
                    + " [--transcripts N] [--out FILE]  (" + e.getMessage() + ")");
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        EditorReport report = new OfflineRandomtest(new OfflineProvider()).run(rides, seed, policy);
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                java.util.Locale.ROOT,
                "offline randomtest: %d rides, seed %d, %.1f s%n",
                rides,
                seed,
                (System.nanoTime() - started) / 1e9));
        text.append(report.toText());
        report.samples().stream()
                .limit(transcripts)
                .forEach(s -> text.append(System.lineSeparator()).append(s));
        System.out.print(text);
        if (out != null) {
            try {
                Files.writeString(out, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.exit(report.problems().isEmpty() ? 0 : 1);
    }
}
