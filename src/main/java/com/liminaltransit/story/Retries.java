package com.liminaltransit.story;

import com.liminaltransit.i18n.StepInLanguage;
import com.liminaltransit.i18n.Translations;
import com.liminaltransit.narrative.CallPurpose;
import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.chain.ProviderChain;
import com.liminaltransit.web.Player;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Ask the train again": writes another version of a ride's open stop, through the same chain, plan, budget and
 * stop claim as a choice, at most {@code liminal.story.retries-per-stop} times per stop. Every version is kept; the
 * new one is put in effect, and the player may still choose from any of them. An answered stop is never written
 * again.
 */
@ApplicationScoped
class Retries {

    /** The claim's choice id while a stop is being written again: no choice id can look like it. */
    private static final String ASKING_AGAIN = "~again";

    private static final int MOST_ALLOWED = 9;

    private final StoryService stories;
    private final JourneyRepository journey;
    private final ProviderChain chain;
    private final RidePlans plans;
    private final StopClaims claims;
    private final Translations translations;
    private final Clock clock;
    private final int perStop;

    @Inject
    Retries(
            StoryService stories,
            JourneyRepository journey,
            ProviderChain chain,
            RidePlans plans,
            StopClaims claims,
            Translations translations,
            Clock clock,
            @ConfigProperty(name = "liminal.story.retries-per-stop", defaultValue = "2") String perStop) {
        this.stories = stories;
        this.journey = journey;
        this.chain = chain;
        this.plans = plans;
        this.claims = claims;
        this.translations = translations;
        this.clock = clock;
        this.perStop = parse(perStop);
    }

    /** Read as text so a bad value stops the start-up with a sentence naming the setting, not a converter's trace. */
    private static int parse(String perStop) {
        String value = perStop.strip();
        if (!value.matches("\\d")) {
            throw new IllegalArgumentException("liminal.story.retries-per-stop must be a whole number from 0 to "
                    + MOST_ALLOWED + ", not \"" + perStop + "\"");
        }
        return Integer.parseInt(value);
    }

    /** Built at start-up, so a bad {@code liminal.story.retries-per-stop} stops the server instead of a ride. */
    void checkedAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: observing the event makes CDI construct this bean, which checks its setting.
    }

    /** How many times a stop may be asked again. */
    int perStop() {
        return perStop;
    }

    /**
     * What asking again did.
     *
     * @param story   the ride afterwards
     * @param stop    the stop asked again
     * @param version the version this request stands for (the one it wrote, or its twin wrote)
     * @param kind    what happened
     */
    record Outcome(Story story, int stop, int version, Kind kind) {

        /** What asking again did. */
        enum Kind {
            /** This request wrote the version. */
            WRITTEN,
            /** A twin of this request (the same {@code seen}) already wrote it: nothing new. */
            REPLAYED,
            /** The stop was answered: a retry never changes it. */
            ANSWERED,
            /** The stop was asked again as often as allowed. */
            OVER_LIMIT
        }
    }

    /**
     * Writes another version of stop {@code step}, the ride's open stop.
     *
     * @param seen how many versions the player saw when asking (0: not said; every request is then a new ask)
     * @throws StoryException when the ride is unknown, not the player's, or has no stop {@code step}
     */
    Outcome askAgain(String rideId, Player player, int step, int seen) {
        Instant giveUp = null;
        for (int round = 0; ; round++) {
            Story story = stories.story(rideId);
            if (!player.owns(story.ride().ownerHash())) {
                throw new StoryException.NotOwner();
            }
            if (!story.hasStop(step)) {
                throw new StoryException.BadRequest(
                        "This ride has no stop " + step + " to ask about again.", "ride.no-stop-to-retry", step);
            }
            Passage stop = story.passage(step);
            if (seen > 0 && stop.versions() > seen) {
                return new Outcome(story, step, seen + 1, Outcome.Kind.REPLAYED);
            }
            if (!stop.unanswered() || !story.ride().ownsStop(step)) {
                // A branch's fork stop is shared with the ride it came from: it is told as that ride told it.
                return new Outcome(story, step, stop.version(), Outcome.Kind.ANSWERED);
            }
            if (stop.versions() > perStop) {
                return new Outcome(story, step, stop.version(), Outcome.Kind.OVER_LIMIT);
            }
            if (claims.claim(rideId, step, ASKING_AGAIN)) {
                try {
                    if (write(story, step)) {
                        return new Outcome(stories.story(rideId), step, stop.versions() + 1, Outcome.Kind.WRITTEN);
                    }
                } finally {
                    claims.release(rideId, step);
                }
                continue; // a choice or a twin got there first: look again
            }
            // A choice or another ask is being written for this stop, here or on another server: wait for it.
            giveUp = giveUp == null ? clock.instant().plus(claims.timeout()) : giveUp;
            if (clock.instant().isAfter(giveUp)) {
                throw new StoryException.StillWriting();
            }
            StoryService.pause(round);
        }
    }

    /** Asks the narrator for stop {@code step} again, as it was first asked; the caller holds the stop's claim. */
    private boolean write(Story story, int step) {
        Ride ride = story.ride();
        RidePlan plan = plans.forVariant(ride.variantId());
        StoryContext context;
        if (step == 0) {
            context = StoryContext.boarding(ride.id(), ride.seed(), ride.language())
                    .withContent(ride.content());
        } else {
            Passage before = story.passage(step - 1);
            ChoiceOption taken = before.chosen().orElseThrow();
            context = StoryService.contextFor(story, step - 1, taken).withContent(ride.content());
        }
        StepInLanguage written = translations.forRide(
                chain.write(context.with(plan.prompts(), plan.chain()).withPurpose(CallPurpose.RIDE)), ride.language());
        return journey.addVersion(
                ride.id(),
                step,
                story.passage(step).versions(),
                written.step(),
                written.language(),
                clock.instant(),
                plan.prompts().version());
    }
}
