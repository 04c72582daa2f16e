package com.liminaltransit.story;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.web.Player;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Take the other door": a branch is a new ride that shares another's stops up to an answered stop (copied, no AI
 * call) and takes another choice there. Its next stop is written by {@link StoryService#choose}, the very path a
 * choice takes (limits, AI budget, stop claim, replay), so one branch costs one step.
 *
 * <p>A door belongs to the ride that owns the stop, never to a copy of it: asked from a branch at a stop it shares,
 * the door is looked up on the ride the stop came from. So each door of a family leads to one ride, the unique key
 * {@code (parent_id, parent_stop, parent_choice)} holds that, and the map draws each stop once.
 */
@ApplicationScoped
class Branches {

    private final StoryService stories;
    private final JourneyRepository journey;
    private final Clock clock;

    @Inject
    Branches(StoryService stories, JourneyRepository journey, Clock clock) {
        this.stories = stories;
        this.journey = journey;
        this.clock = clock;
    }

    /**
     * Where a branch request leads.
     *
     * @param rideId the ride to show: the branch, or the ride that already took that door
     * @param stop   the stop to show: the one after the door
     * @param made   whether this request made the branch (false: it existed, or the door was already taken)
     */
    record Landing(String rideId, int stop, boolean made) {}

    /**
     * One door of an answered stop, as its permalink lists them.
     *
     * @param choice the choice
     * @param rideId the ride that took it, or {@code null} when none has yet
     * @param here   whether the ride being read is the one that took it
     */
    record Door(ChoiceOption choice, String rideId, boolean here) {}

    /**
     * Takes {@code choiceId} at stop {@code from} of a ride instead of the choice made there.
     *
     * @throws StoryException when the ride is unknown, not the player's, or {@code from} is not an answered stop
     *                        offering {@code choiceId}; nothing is written then
     */
    Landing branch(String rideId, Player player, int from, String choiceId) {
        Story story = stories.story(rideId);
        if (!player.owns(story.ride().ownerHash())) {
            throw new StoryException.NotOwner();
        }
        if (!story.hasStop(from)) {
            throw new StoryException.BadRequest(
                    "This ride has no stop " + from + " to branch from.", "ride.no-stop-to-branch", from);
        }
        Passage stop = story.passage(from);
        if (stop.unanswered()) {
            throw new StoryException.BadRequest(
                    "No choice was made at this stop yet: choose there instead of branching.",
                    "ride.branch-from-open-stop");
        }
        if (stop.choice(choiceId).isEmpty()) {
            throw new StoryException.BadRequest("That choice was not on offer at this stop.", "ride.door-not-offered");
        }
        if (choiceId.equals(stop.chosenId())) {
            return new Landing(rideId, from + 1, false);
        }
        Ride owner = ownerOfStop(story.ride(), from);
        if (!owner.id().equals(rideId) && choiceId.equals(journey.chosenAt(owner.id(), from))) {
            return new Landing(owner.id(), from + 1, false);
        }
        Fork fork = new Fork(owner.id(), from, choiceId, owner.rootId());
        String branchId = journey.branchAt(owner.id(), from, choiceId).orElse(null);
        boolean made = false;
        if (branchId == null) {
            String fresh = UUID.randomUUID().toString();
            made = journey.createBranch(fresh, fork, clock.instant());
            // Lost the race to a twin request: the door has its branch already, and its stop is being written there.
            branchId = made
                    ? fresh
                    : journey.branchAt(owner.id(), from, choiceId).orElseThrow(StoryException.NotFound::new);
        }
        // Written once for all twins: the stop's claim makes the others wait, then they read it (a replay).
        stories.choose(branchId, player, from, choiceId);
        return new Landing(branchId, from + 1, made);
    }

    /**
     * The doors of answered stop {@code stop} of a ride, in the order offered, each with the ride that took it (the
     * ride itself, the ride the stop came from, or a branch), for its permalink.
     */
    List<Door> doors(Story story, int stop) {
        Passage passage = story.passage(stop);
        Ride owner = ownerOfStop(story.ride(), stop);
        Map<String, String> branches = journey.branchesAt(owner.id(), stop);
        String ownerChose =
                owner.id().equals(story.ride().id()) ? passage.chosenId() : journey.chosenAt(owner.id(), stop);
        List<Door> doors = new ArrayList<>();
        for (ChoiceOption choice : passage.choices()) {
            boolean here = choice.id().equals(passage.chosenId());
            String taken =
                    here ? story.ride().id() : choice.id().equals(ownerChose) ? owner.id() : branches.get(choice.id());
            doors.add(new Door(choice, taken, here));
        }
        return doors;
    }

    /** The ride whose own stop {@code stop} is: this one, or the ancestor it was copied from. */
    private Ride ownerOfStop(Ride ride, int stop) {
        Ride owner = ride;
        while (!owner.ownsStop(stop)) {
            String parent = owner.fork().parentId();
            owner = journey.ride(parent).orElseThrow(StoryException.NotFound::new);
        }
        return owner;
    }
}
