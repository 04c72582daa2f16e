package com.liminaltransit.story;

import com.liminaltransit.narrative.CallPurpose;
import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.ContentPlan;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.PastStop;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.chain.ProviderChain;
import com.liminaltransit.narrative.chain.StepResult;
import com.liminaltransit.web.Player;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Boards rides and moves them on: builds what the narrator may read, asks the chain for the next stop, and
 * stores it. The AI call happens outside any database transaction, by the one request that holds the stop's claim
 * ({@link StopClaims}); racing twins wait for the stop it writes, so a stop is paid for once.
 */
@ApplicationScoped
public class StoryService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LANGUAGE = "en";
    private static final String OFFLINE = "offline";

    private final StoryRepository repository;
    private final ProviderChain chain;
    private final StoryMetrics metrics;
    private final RidePlans plans;
    private final StopClaims claims;
    private final SeenMemory memory;
    private final Clock clock;

    @Inject
    StoryService(
            StoryRepository repository,
            ProviderChain chain,
            StoryMetrics metrics,
            RidePlans plans,
            StopClaims claims,
            SeenMemory memory,
            Clock clock) {
        this.repository = repository;
        this.chain = chain;
        this.metrics = metrics;
        this.plans = plans;
        this.claims = claims;
        this.memory = memory;
        this.clock = clock;
    }

    /** Boards a new ride for a player and writes its first passage. */
    String board(Player player) {
        return board(player, RideSource.PLAYER, RANDOM.nextLong());
    }

    /** Boards a smoke-test ride: written by {@code offline} alone, stored as a smoke ride. */
    String boardSmoke(Player player) {
        RidePlan published = plans.forVariant(null);
        return board(player, RideSource.SMOKE, RANDOM.nextLong(), offlineOnly(published));
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
        return board(player, source, seed, plan);
    }

    /**
     * Boards a ride written as experiment variant {@code variantId} ({@code null}: published prompts, configured
     * chain): the randomtest bot plays a variant this way.
     */
    public String board(Player player, RideSource source, long seed, Long variantId) {
        return board(player, source, seed, plans.forVariant(variantId));
    }

    private String board(Player player, RideSource source, long seed, RidePlan plan) {
        String id = UUID.randomUUID().toString();
        // What this player has read on earlier rides is fixed for the whole ride, so every stop replays alike.
        boolean remembers = source == RideSource.PLAYER;
        ContentPlan content =
                new ContentPlan(plan.bankVersion(), remembers ? memory.recent(player.ownerHash()) : List.of());
        StepResult first = chain.write(StoryContext.boarding(id, seed, LANGUAGE)
                .with(plan.prompts(), plan.chain())
                .withPurpose(source == RideSource.PLAYER ? CallPurpose.RIDE : CallPurpose.BOT)
                .withContent(content));
        Instant now = clock.instant();
        repository.create(
                new Ride(id, player.ownerHash(), seed, LANGUAGE, false, 1, now, now, plan.variantId(), content),
                first,
                source,
                plan.prompts().version());
        if (remembers) {
            memory.remember(player.ownerHash(), first.generation().seen(), now);
        }
        if (source == RideSource.PLAYER) {
            metrics.rideStarted();
            if (first.narrative().ending()) {
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
        return choose(rideId, player, step, choiceId, false, false).story();
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
        return choose(rideId, player, step, choiceId, true, false);
    }

    /** As {@link #choose(String, Player, int, String)} for the smoke test: {@code offline} writes the stop. */
    ChoiceOutcome chooseSmoke(String rideId, Player player, int step, String choiceId) {
        return choose(rideId, player, step, choiceId, false, true);
    }

    /** As {@link #choose(String, Player, int, String)}; {@code countInMetrics} is false for the test bot's rides. */
    private ChoiceOutcome choose(
            String rideId, Player player, int step, String choiceId, boolean countInMetrics, boolean offlineOnly) {
        Instant giveUp = null;
        for (int round = 0; ; round++) {
            Story story = story(rideId);
            if (!player.owns(story.ride().ownerHash())) {
                throw new StoryException.NotOwner();
            }
            if (!story.hasStop(step)) {
                throw new StoryException.BadRequest("This ride has no stop " + step + " to answer.");
            }
            Passage answered = story.passage(step);
            if (!answered.open()) {
                return settled(story, step, choiceId);
            }
            ChoiceOption choice = answered.choice(choiceId)
                    .orElseThrow(() -> new StoryException.BadRequest("That choice is not on offer at this stop."));
            if (claims.claim(rideId, step, choiceId)) {
                try {
                    return write(story, step, choice, countInMetrics, offlineOnly);
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

    /** Backs off while another request writes the stop: 20 ms at first, then up to 250 ms between looks. */
    private static void pause(int round) {
        try {
            Thread.sleep(Math.min(250, 20L << Math.min(round, 4)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoryException.StillWriting();
        }
    }

    /** Asks the narrator for the stop after {@code step} and stores it; the caller holds the stop's claim. */
    private ChoiceOutcome write(
            Story story, int step, ChoiceOption choice, boolean countInMetrics, boolean offlineOnly) {
        String rideId = story.ride().id();
        RidePlan variant = plans.forVariant(story.ride().variantId());
        RidePlan plan = offlineOnly ? offlineOnly(variant) : variant;
        StepResult next = chain.write(contextFor(story, step, choice)
                .with(plan.prompts(), plan.chain())
                .withPurpose(countInMetrics ? CallPurpose.RIDE : CallPurpose.BOT)
                .withContent(story.ride().content()));
        Instant now = clock.instant();
        if (!repository.appendStep(
                rideId, step, choice.id(), next, now, plan.prompts().version())) {
            // A claim older than its timeout was taken over while this request still wrote: the other one decides.
            return settled(story(rideId), step, choice.id());
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
                next.generation().provider());
        return new ChoiceOutcome(story.advanced(step, choice.id(), passage, now), step, ChoiceOutcome.Kind.ADVANCED);
    }

    /** An answered stop: the same choice again is a replay, another one a conflict. */
    private static ChoiceOutcome settled(Story story, int step, String choiceId) {
        Passage answered = story.passage(step);
        boolean replay = choiceId.equals(answered.chosenId());
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
