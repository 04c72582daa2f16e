package com.liminaltransit.story;

import com.liminaltransit.i18n.StepInLanguage;
import com.liminaltransit.i18n.Translations;
import com.liminaltransit.narrative.CallPurpose;
import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.ContentPlan;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.PastStop;
import com.liminaltransit.narrative.StepNeeds;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.chain.ProviderChain;
import com.liminaltransit.narrative.chain.StepResult;
import com.liminaltransit.narrative.stream.StreamedStop;
import com.liminaltransit.web.Player;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Boards rides and moves them on: builds what the narrator may read, asks the chain for the next stop, and
 * stores it. The AI call happens outside any database transaction, by the one request that holds the stop's claim
 * ({@link StopClaims}); racing twins wait for the stop it writes, so a stop is paid for once.
 */
@ApplicationScoped
public class StoryService {

    private static final Logger LOG = Logger.getLogger(StoryService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String OFFLINE = "offline";

    private final StoryRepository repository;
    private final ProviderChain chain;
    private final StoryMetrics metrics;
    private final RidePlans plans;
    private final StopClaims claims;
    private final SeenMemory memory;
    private final JourneyRepository journey;
    private final Translations translations;
    private final StreamRecords streams;
    private final Clock clock;

    @Inject
    StoryService(
            StoryRepository repository,
            ProviderChain chain,
            StoryMetrics metrics,
            RidePlans plans,
            StopClaims claims,
            SeenMemory memory,
            JourneyRepository journey,
            Translations translations,
            StreamRecords streams,
            Clock clock) {
        this.streams = streams;
        this.repository = repository;
        this.journey = journey;
        this.chain = chain;
        this.metrics = metrics;
        this.plans = plans;
        this.claims = claims;
        this.memory = memory;
        this.translations = translations;
        this.clock = clock;
    }

    /**
     * Boards a new ride for a player and writes its first passage. The ride is written in {@code language} (the
     * player's language when they board) to its end, whatever language its pages are later read in.
     */
    String board(Player player, String language) {
        RidePlan plan = plans.forNewRide(player.ownerHash());
        return board(player, RideSource.PLAYER, RANDOM.nextLong(), plan, language);
    }

    /** Boards a smoke-test ride in {@code language}: written by {@code offline} alone, stored as a smoke ride. */
    String boardSmoke(Player player, String language) {
        RidePlan published = plans.forVariant(null);
        return board(player, RideSource.SMOKE, RANDOM.nextLong(), offlineOnly(published), language);
    }

    private static RidePlan offlineOnly(RidePlan plan) {
        return new RidePlan(plan.variantId(), plan.prompts(), List.of(OFFLINE), plan.bankVersion());
    }

    /**
     * Boards a ride with a chosen seed, marked with who boarded it: the writers' randomtest bot plays the real
     * story this way, and its rides stay out of player analytics and metrics.
     */
    public String board(Player player, RideSource source, long seed) {
        RidePlan plan = source == RideSource.PLAYER ? plans.forNewRide(player.ownerHash()) : plans.forVariant(null);
        return board(player, source, seed, plan, StepNeeds.DEFAULT_LANGUAGE);
    }

    /**
     * Boards a ride written as experiment variant {@code variantId} ({@code null}: published prompts, configured
     * chain): the randomtest bot plays a variant this way.
     */
    public String board(Player player, RideSource source, long seed, Long variantId) {
        return board(player, source, seed, plans.forVariant(variantId), StepNeeds.DEFAULT_LANGUAGE);
    }

    private String board(Player player, RideSource source, long seed, RidePlan plan, String rideLanguage) {
        String id = UUID.randomUUID().toString();
        String language = StepNeeds.normalise(rideLanguage);
        // What this player has read on earlier rides is fixed for the whole ride, so every stop replays alike.
        boolean remembers = source == RideSource.PLAYER;
        ContentPlan content =
                new ContentPlan(plan.bankVersion(), remembers ? memory.recent(player.ownerHash()) : List.of());
        StepInLanguage first = translations.forRide(
                chain.write(StoryContext.boarding(id, seed, language)
                        .with(plan.prompts(), plan.chain())
                        .withPurpose(source == RideSource.PLAYER ? CallPurpose.RIDE : CallPurpose.BOT)
                        .withContent(content)),
                language);
        Instant now = clock.instant();
        repository.create(
                new Ride(id, player.ownerHash(), seed, language, false, 1, now, now, plan.variantId(), content, null),
                first.step(),
                first.language(),
                source,
                plan.prompts().version());
        if (remembers) {
            memory.remember(player.ownerHash(), first.step().generation().seen(), now);
        }
        if (source == RideSource.PLAYER) {
            metrics.rideStarted();
            if (first.step().narrative().ending()) {
                metrics.rideCompleted();
            }
        }
        return id;
    }

    /** The ride with all its passages, or {@link StoryException.NotFound}. */
    public Story ride(String rideId) {
        return story(rideId);
    }

    /**
     * Answers stop {@code step} as {@link #choose} does, for the randomtest bot: its rides are not counted in the
     * player metrics.
     *
     * @return the ride afterwards
     */
    public Story answer(String rideId, Player player, int step, String choiceId) {
        return choose(rideId, player, step, choiceId, 0, false, false).story();
    }

    /** The ride, or {@link StoryException.NotFound}. */
    Story story(String rideId) {
        return repository.find(rideId).orElseThrow(StoryException.NotFound::new);
    }

    /** The rides this player boarded, most recent first. */
    List<RideListing> ridesOf(Player player) {
        return repository.ridesOf(player.ownerHash(), 50);
    }

    /**
     * Answers stop {@code step} of a ride with {@code choiceId}.
     *
     * @return the ride afterwards and whether this call wrote the step or found it already written
     * @throws StoryException when the ride is unknown, not the player's, or the request does not fit the ride
     */
    ChoiceOutcome choose(String rideId, Player player, int step, String choiceId) {
        return choose(rideId, player, step, choiceId, 0);
    }

    /**
     * As {@link #choose(String, Player, int, String)}, choosing from version {@code version} of the stop (0: the
     * version in effect); that version becomes the one the ride went on from.
     */
    ChoiceOutcome choose(String rideId, Player player, int step, String choiceId, int version) {
        return choose(rideId, player, step, choiceId, version, true, false);
    }

    /** As {@link #choose(String, Player, int, String)} for the smoke test: {@code offline} writes the stop. */
    ChoiceOutcome chooseSmoke(String rideId, Player player, int step, String choiceId, int version) {
        return choose(rideId, player, step, choiceId, version, false, true);
    }

    /** As {@link #choose(String, Player, int, String)}; {@code countInMetrics} is false for the test bot's rides. */
    private ChoiceOutcome choose(
            String rideId,
            Player player,
            int step,
            String choiceId,
            int version,
            boolean countInMetrics,
            boolean offlineOnly) {
        Instant giveUp = null;
        for (int round = 0; ; round++) {
            Story story = story(rideId);
            if (!player.owns(story.ride().ownerHash())) {
                throw new StoryException.NotOwner();
            }
            if (!story.hasStop(step)) {
                throw new StoryException.BadRequest(
                        "This ride has no stop " + step + " to answer.", "ride.no-stop-to-answer", step);
            }
            Passage answered = story.passage(step);
            if (!answered.unanswered()) {
                return settled(story, step, choiceId, version);
            }
            Passage offered = version == 0
                    ? answered
                    : journey.version(answered, rideId, version)
                            .orElseThrow(() -> new StoryException.BadRequest(
                                    "This stop has no such version.", "ride.no-such-version"));
            Fork fork = story.ride().fork();
            if (offered.ending()
                    || (fork != null && fork.stop() == step && !fork.choiceId().equals(choiceId))) {
                // An ending offers no door; a branch's first stop is the door it was made for, and no other.
                return new ChoiceOutcome(story, step, ChoiceOutcome.Kind.CONFLICT);
            }
            ChoiceOption choice = offered.choice(choiceId)
                    .orElseThrow(() -> new StoryException.BadRequest(
                            "That choice is not on offer at this stop.", "ride.choice-not-offered"));
            if (claims.claim(rideId, step, choiceId)) {
                try {
                    int swapIn = offered.version() == answered.version() ? 0 : offered.version();
                    return write(story.with(offered), step, choice, countInMetrics, offlineOnly, swapIn, null);
                } finally {
                    claims.release(rideId, step);
                }
            }
            // A twin of this request (or a rival choice) is being written, here or on another server: wait for it.
            giveUp = giveUp == null ? clock.instant().plus(claims.timeout()) : giveUp;
            if (clock.instant().isAfter(giveUp)) {
                throw new StoryException.StillWriting();
            }
            pause(round);
        }
    }

    /**
     * Answers stop {@code step} as {@link #choose(String, Player, int, String, int)} does, but writes the next stop in
     * the background (see {@link StopWrites}), so the answer can go out at once and a stream can show the stop as it
     * is written. The stop is still claimed, written and stored once, through the same path.
     *
     * @return empty when the next stop is being written (by this request or a twin that holds the claim), else the
     *     replay or conflict the choice turned out to be
     */
    Optional<ChoiceOutcome> chooseStreaming(
            String rideId, Player player, int step, String choiceId, int version, StopWrites writes) {
        Story story = story(rideId);
        if (!player.owns(story.ride().ownerHash())) {
            throw new StoryException.NotOwner();
        }
        if (!story.hasStop(step)) {
            throw new StoryException.BadRequest("This ride has no stop " + step + " to answer.");
        }
        Passage answered = story.passage(step);
        if (!answered.unanswered()) {
            return Optional.of(settled(story, step, choiceId, version));
        }
        Passage offered = version == 0
                ? answered
                : journey.version(answered, rideId, version)
                        .orElseThrow(() -> new StoryException.BadRequest("This stop has no such version."));
        Fork fork = story.ride().fork();
        if (offered.ending()
                || (fork != null && fork.stop() == step && !fork.choiceId().equals(choiceId))) {
            return Optional.of(new ChoiceOutcome(story, step, ChoiceOutcome.Kind.CONFLICT));
        }
        ChoiceOption choice = offered.choice(choiceId)
                .orElseThrow(() -> new StoryException.BadRequest("That choice is not on offer at this stop."));
        if (!claims.claim(rideId, step, choiceId)) {
            return Optional.empty(); // a twin holds the claim: the stream waits for the stop it writes
        }
        int swapIn = offered.version() == answered.version() ? 0 : offered.version();
        Story from = story.with(offered);
        Locale language = Locale.forLanguageTag(story.ride().language());
        writes.start(rideId, step + 1, language, write -> {
            var streamed = new StreamedStop(language, write::show);
            try {
                ChoiceOutcome outcome = write(from, step, choice, true, false, swapIn, streamed);
                if (outcome.kind() == ChoiceOutcome.Kind.ADVANCED) {
                    write.written(outcome.story(), step + 1);
                    recordStream(rideId, step + 1, write, streamed);
                } else if (outcome.story().hasStop(step + 1)) {
                    write.written(outcome.story(), step + 1); // a claim taken over: the other writer's stop
                } else {
                    write.failed("That stop was already answered. Here is the ride as it stands.");
                }
            } catch (StoryException e) {
                write.failed(e.getMessage());
            } finally {
                claims.release(rideId, step);
            }
        });
        return Optional.empty();
    }

    /** How the streamed stop went; a failure to record it is logged, never the player's problem. */
    private void recordStream(String rideId, int stop, StopWrite write, StreamedStop streamed) {
        try {
            String links = String.join(">", streamed.links());
            streams.record(
                    rideId,
                    stop,
                    new StreamRecords.StreamRecord(
                            streamed.streamed(),
                            write.firstSentenceMillis(),
                            write.elapsedMillis(),
                            streamed.shownBeforeFailure(),
                            links.length() <= 32 ? links : links.substring(0, 32)),
                    clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recording a streamed stop failed", e);
        }
    }

    /**
     * A streamed stop in the ride's language: once a sentence was shown, the stop was written in it (only models that
     * write it are asked, and {@code offline} closes a passage in it), and a translation would change what the player
     * read; a stop nobody streamed is translated as any other.
     */
    private StepInLanguage inRideLanguage(StepResult step, String rideLanguage, StreamedStop streamed) {
        return streamed.anyShown()
                ? new StepInLanguage(step, StepNeeds.normalise(rideLanguage))
                : translations.forRide(step, rideLanguage);
    }

    /** Backs off while another request writes the stop: 20 ms at first, then up to 250 ms between looks. */
    static void pause(int round) {
        try {
            Thread.sleep(Math.min(250, 20L << Math.min(round, 4)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoryException.StillWriting();
        }
    }

    /**
     * Asks the narrator for the stop after {@code step} and stores it; the caller holds the stop's claim. The
     * story shows the version of {@code step} chosen from; {@code fromVersion} names it when it is not the one in
     * effect (0 when it is), and it becomes the one in effect.
     */
    private ChoiceOutcome write(
            Story story,
            int step,
            ChoiceOption choice,
            boolean countInMetrics,
            boolean offlineOnly,
            int fromVersion,
            StreamedStop streamed) {
        String rideId = story.ride().id();
        RidePlan variant = plans.forVariant(story.ride().variantId());
        RidePlan plan = offlineOnly ? offlineOnly(variant) : variant;
        StoryContext context = contextFor(story, step, choice)
                .with(plan.prompts(), plan.chain())
                .withPurpose(countInMetrics ? CallPurpose.RIDE : CallPurpose.BOT)
                .withContent(story.ride().content());
        StepInLanguage shown = streamed == null
                ? translations.forRide(chain.write(context), story.ride().language())
                : inRideLanguage(
                        chain.writeStreaming(context, streamed), story.ride().language(), streamed);
        StepResult next = shown.step();
        Instant now = clock.instant();
        if (!repository.appendStep(
                rideId,
                step,
                choice.id(),
                next,
                shown.language(),
                now,
                plan.prompts().version(),
                fromVersion)) {
            // A claim older than its timeout was taken over while this request still wrote: the other one decides.
            return settled(story(rideId), step, choice.id(), fromVersion);
        }
        if (next.narrative().ending() && countInMetrics) {
            metrics.rideCompleted();
        }
        if (countInMetrics) {
            memory.remember(story.ride().ownerHash(), next.generation().seen(), now);
        }
        Narrative written = next.narrative();
        Passage passage = new Passage(
                step + 1,
                written.passage(),
                written.summary(),
                written.ending(),
                written.choices(),
                null,
                next.generation().provider(),
                shown.language());
        return new ChoiceOutcome(story.advanced(step, choice.id(), passage, now), step, ChoiceOutcome.Kind.ADVANCED);
    }

    /**
     * An answered stop: the same choice (from the same version, when one is named) again is a replay, another one a
     * conflict.
     */
    private static ChoiceOutcome settled(Story story, int step, String choiceId, int version) {
        Passage answered = story.passage(step);
        boolean replay = choiceId.equals(answered.chosenId()) && (version == 0 || version == answered.version());
        return new ChoiceOutcome(story, step, replay ? ChoiceOutcome.Kind.REPLAYED : ChoiceOutcome.Kind.CONFLICT);
    }

    /**
     * What the narrator would read to write stop {@code stop} of a ride again, for the writers' preview: stop 0 is
     * the boarding; a later stop follows the choice the player made at the stop before, or, when that stop is
     * still open, its first choice. Nothing is written.
     *
     * @throws StoryException.NotFound   when there is no such ride
     * @throws StoryException.BadRequest when the ride has no such stop to write
     */
    public StoryContext previewContext(String rideId, int stop) {
        Story story = story(rideId);
        Ride ride = story.ride();
        if (stop == 0) {
            return StoryContext.boarding(ride.id(), ride.seed(), ride.language())
                    .withContent(ride.content());
        }
        if (stop < 0 || !story.hasStop(stop - 1)) {
            throw new StoryException.BadRequest("This ride has no stop " + stop + " to write.");
        }
        Passage before = story.passage(stop - 1);
        ChoiceOption choice = before.chosen()
                .or(() -> before.choices().stream().findFirst())
                .orElseThrow(() -> new StoryException.BadRequest("The ride ended at stop " + (stop - 1) + "."));
        return contextFor(story, stop - 1, choice).withContent(ride.content());
    }

    /** What the narrator may read: the running summary, the last few stops and the choice just made. */
    static StoryContext contextFor(Story story, int step, ChoiceOption choice) {
        List<Passage> passages = story.passages().subList(0, step + 1);
        List<PastStop> recent = new ArrayList<>();
        for (Passage passage :
                passages.subList(Math.max(0, passages.size() - StoryContext.RECENT_STOPS), passages.size())) {
            String label = passage.stop() == step
                    ? choice.label()
                    : passage.chosen().map(ChoiceOption::label).orElse("");
            recent.add(new PastStop(passage.stop(), passage.body(), label));
        }
        List<String> path = new ArrayList<>();
        for (Passage passage : passages.subList(0, step)) {
            path.add(passage.chosenId());
        }
        path.add(choice.id());
        Ride ride = story.ride();
        return new StoryContext(
                ride.id(), ride.seed(), step + 1, passages.getLast().summary(), recent, choice, path, ride.language());
    }
}
