package com.liminaltransit.admin.ridebot;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.ValidationResult;
import com.liminaltransit.narrative.chain.ProviderChain;
import com.liminaltransit.narrative.offline.OfflineProvider;
import com.liminaltransit.narrative.offline.RideTrace;
import com.liminaltransit.story.Passage;
import com.liminaltransit.story.RidePlans;
import com.liminaltransit.story.RideSource;
import com.liminaltransit.story.Story;
import com.liminaltransit.story.StoryService;
import com.liminaltransit.web.Player;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * A bot that plays rides through the real {@link StoryService} and provider chain, choosing by a
 * {@link ChoicePolicy} (seeded random, or the least-used choice), and checks each ride: it must reach an ending,
 * every passage must keep the AI contract, no step may fail or fall back, and consecutive passages must not repeat
 * each other. It also reads every ride as an editor would ({@link EditorReading}): sentences repeated within and
 * across rides, labels repeated from stop to stop, template slips, and, for rides {@code offline} wrote, coverage,
 * dropped encounters and consequences. Its rides are stored as {@code randomtest} rides, so player analytics never
 * count them.
 */
@ApplicationScoped
public class RideBot {

    /** A ride with no ending after this many stops is a dead end. */
    static final int MAX_STOPS = 60;

    private static final int MAX_FINDINGS = 20;

    private final StoryService stories;
    private final ProviderChain chain;
    private final RideBotRepository repository;
    private final RidePlans plans;
    private final OfflineProvider offline;

    @Inject
    RideBot(
            StoryService stories,
            ProviderChain chain,
            RideBotRepository repository,
            RidePlans plans,
            OfflineProvider offline) {
        this.stories = stories;
        this.chain = chain;
        this.repository = repository;
        this.plans = plans;
        this.offline = offline;
    }

    /**
     * Plays {@code rides} rides from {@code seed}.
     *
     * @param progress told the number of rides finished after each ride
     */
    public RideBotReport run(int rides, long seed, IntConsumer progress) {
        return run(rides, seed, null, progress);
    }

    /**
     * Plays {@code rides} rides from {@code seed} as experiment variant {@code variantId} (its prompt version and
     * chain; {@code null}: the published prompts and the configured chain).
     *
     * @param progress told the number of rides finished after each ride
     */
    public RideBotReport run(int rides, long seed, Long variantId, IntConsumer progress) {
        return run(rides, seed, variantId, progress, () -> false);
    }

    /**
     * Plays up to {@code rides} rides, asking {@code stop} before each ride: once it says yes, the run ends there
     * and its report says it was cancelled (a ride already begun is played to its end).
     *
     * @param progress told the number of rides finished after each ride
     */
    public RideBotReport run(int rides, long seed, Long variantId, IntConsumer progress, BooleanSupplier stop) {
        return run(rides, seed, variantId, ChoicePolicy.RANDOM, progress, stop);
    }

    /**
     * Plays up to {@code rides} rides choosing by {@code policy}, asking {@code stop} before each ride: once it says
     * yes, the run ends there and its report says it was cancelled (a ride already begun is played to its end).
     *
     * @param progress told the number of rides finished after each ride
     */
    public RideBotReport run(
            int rides, long seed, Long variantId, ChoicePolicy policy, IntConsumer progress, BooleanSupplier stop) {
        long started = System.nanoTime();
        Random random = new Random(seed);
        ChoicePolicy.Chooser chooser = policy.chooser(random);
        Player bot = Player.newPlayer();
        Tally tally = new Tally(new EditorReading(policy.key(), offline::isFrame, offline.catalogue()));
        int played = 0;
        boolean cancelled = false;
        while (played < rides) {
            if (stop.getAsBoolean()) {
                cancelled = true;
                break;
            }
            play(bot, random.nextLong(), chooser, tally, variantId);
            played++;
            progress.accept(played);
        }
        return tally.report(
                rides, played, cancelled, seed, chainFor(variantId), Duration.ofNanos(System.nanoTime() - started));
    }

    /** The providers a run tries, in order ({@code offline} last): the variant's chain, or the configured one. */
    List<String> chainFor(Long variantId) {
        List<String> variantChain = plans.forVariant(variantId).chain();
        return variantChain.isEmpty()
                ? chain.names()
                : Stream.concat(
                                variantChain.stream().filter(n -> !ProviderChain.OFFLINE.equals(n)),
                                Stream.of(ProviderChain.OFFLINE))
                        .toList();
    }

    private void play(Player bot, long rideSeed, ChoicePolicy.Chooser chooser, Tally tally, Long variantId) {
        String rideId = null;
        try {
            rideId = stories.board(bot, RideSource.RANDOMTEST, rideSeed, variantId);
            Story story = stories.ride(rideId);
            while (true) {
                Passage current = story.current();
                if (current.ending()) {
                    tally.completed(story.passages().size());
                    break;
                }
                if (current.choices().isEmpty()) {
                    tally.deadEnd("ride " + rideId + " (seed " + rideSeed + "): stop " + current.stop()
                            + " has no choices and no ending");
                    break;
                }
                if (story.passages().size() >= MAX_STOPS) {
                    tally.deadEnd(
                            "ride " + rideId + " (seed " + rideSeed + "): no ending after " + MAX_STOPS + " stops");
                    break;
                }
                ChoiceOption choice = chooser.choose(current.choices());
                Story next = stories.answer(rideId, bot, current.stop(), choice.id());
                if (next.passages().size() != story.passages().size() + 1) {
                    tally.error("ride " + rideId + ": answering stop " + current.stop() + " did not add one stop");
                    break;
                }
                story = next;
            }
            check(story, rideSeed, tally);
        } catch (RuntimeException e) {
            tally.error("ride " + (rideId == null ? "(boarding)" : rideId) + " (seed " + rideSeed + "): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void check(Story story, long rideSeed, Tally tally) {
        String rideId = story.ride().id();
        List<Passage> passages = story.passages();
        for (Passage passage : passages) {
            ValidationResult verdict = NarrativeValidator.validate(
                    new Narrative(passage.body(), passage.choices(), passage.ending(), passage.summary()));
            if (!verdict.valid()) {
                tally.invalid("ride " + rideId + " stop " + passage.stop() + ": " + verdict.complaint());
            }
        }
        for (int i = 1; i < passages.size(); i++) {
            double overlap =
                    Trigrams.overlap(passages.get(i - 1).body(), passages.get(i).body());
            tally.overlap(
                    overlap,
                    "ride " + rideId + " (seed " + rideSeed + ") stops " + (i - 1) + " and " + i + " share "
                            + Math.round(overlap * 100) + "% of their trigrams");
        }
        List<RideBotRepository.StepStats> steps = repository.steps(rideId);
        for (RideBotRepository.StepStats step : steps) {
            tally.cost(step.costUsd());
            if (step.fallbackReason() != null || step.attempts() > 1) {
                tally.fallback("ride " + rideId + " stop " + step.stop() + " written by " + step.provider() + " after: "
                        + step.fallbackReason());
            }
        }
        tally.editor.read(read(story, rideSeed, steps));
    }

    /** The ride as the editor reads it, with the offline storyteller's trace when it wrote every stop. */
    private RideRead read(Story story, long rideSeed, List<RideBotRepository.StepStats> steps) {
        List<RideRead.Stop> stops = story.passages().stream()
                .map(p -> new RideRead.Stop(p.stop(), p.body(), p.choices(), p.chosenId(), p.ending()))
                .toList();
        boolean offlineOnly =
                !steps.isEmpty() && steps.stream().allMatch(step -> ProviderChain.OFFLINE.equals(step.provider()));
        RideTrace trace = null;
        if (offlineOnly) {
            List<String> path = story.passages().stream()
                    .map(Passage::chosenId)
                    .takeWhile(java.util.Objects::nonNull)
                    .toList();
            trace = offline.trace(rideSeed, path, story.ride().content());
        }
        return new RideRead(rideSeed, stops, trace);
    }

    /** Running counts of one run. */
    private static final class Tally {
        private final EditorReading editor;
        private final List<String> findings = new ArrayList<>();
        private final List<Integer> stops = new ArrayList<>();
        private int deadEnds;
        private int invalid;
        private int errors;
        private int fallbacks;
        private int repeated;
        private double maxOverlap;
        private double overlapSum;
        private int overlapCount;
        private BigDecimal cost = BigDecimal.ZERO;

        Tally(EditorReading editor) {
            this.editor = editor;
        }

        void completed(int passages) {
            stops.add(passages);
        }

        void deadEnd(String finding) {
            deadEnds++;
            note(finding);
        }

        void invalid(String finding) {
            invalid++;
            note(finding);
        }

        void error(String finding) {
            errors++;
            note(finding);
        }

        void fallback(String finding) {
            fallbacks++;
            note(finding);
        }

        void overlap(double overlap, String finding) {
            maxOverlap = Math.max(maxOverlap, overlap);
            overlapSum += overlap;
            overlapCount++;
            if (overlap > RideBotReport.REPETITION_THRESHOLD) {
                repeated++;
                note(finding);
            }
        }

        void cost(BigDecimal amount) {
            cost = cost.add(amount);
        }

        private void note(String finding) {
            if (findings.size() < MAX_FINDINGS) {
                findings.add(finding);
            }
        }

        RideBotReport report(
                int requested, int rides, boolean cancelled, long seed, List<String> chain, Duration elapsed) {
            return new RideBotReport(
                    requested,
                    rides,
                    cancelled,
                    seed,
                    chain,
                    stops.size(),
                    deadEnds,
                    invalid,
                    errors,
                    fallbacks,
                    repeated,
                    maxOverlap,
                    overlapCount == 0 ? 0 : overlapSum / overlapCount,
                    stops.stream().mapToInt(Integer::intValue).min().orElse(0),
                    stops.stream().mapToInt(Integer::intValue).average().orElse(0),
                    stops.stream().mapToInt(Integer::intValue).max().orElse(0),
                    cost,
                    elapsed,
                    findings,
                    editor.report());
        }
    }
}
