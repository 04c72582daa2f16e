package com.liminaltransit.narrative.offline;

import java.util.ArrayList;
import java.util.List;

/**
 * What the player's choices have made of the ride so far. It is never stored: it is rebuilt by replaying the path
 * from the seed, which keeps the provider stateless and lets any stop be written again identically.
 *
 * @param ticket        whether the player still has the ticket
 * @param metConductor  whether the player has dealt with the conductor
 * @param leaving       whether the player has stepped off: the next stop ends the ride
 * @param front         steps toward the engine (negative: toward the last carriage)
 * @param memory        how much of themselves the player holds on to; starts at {@link #START_MEMORY}
 * @param plannedEnd    the stop at which the ride ends unless it is over sooner
 * @param countingFrom  the stop at which the player began counting stations, or -1
 * @param items         ids of the items the player carries, in the order they were taken
 * @param companion     id of the passenger travelling with the player, or {@code null}
 * @param slighted      id of the passenger the player slighted, or {@code null}
 * @param strangersMet  how many of the ride's cast the player has met
 * @param itemsSeen     how many of the ride's items the player has come across
 * @param recentScenes  ids of the last few scenes, so they do not come back at once
 * @param firstDeed     what the player did first, for the ending to remember
 * @param recentDeeds   the last two things the player did, for the summary
 */
record RideState(
        boolean ticket,
        boolean metConductor,
        boolean leaving,
        int front,
        int memory,
        int plannedEnd,
        int countingFrom,
        List<String> items,
        String companion,
        String slighted,
        int strangersMet,
        int itemsSeen,
        List<String> recentScenes,
        String firstDeed,
        List<String> recentDeeds) {

    /** The earliest stop that may be an ending. */
    static final int MIN_END = 8;
    /** The stop that is always an ending. */
    static final int MAX_END = 15;
    /** How much a player remembers on boarding. */
    static final int START_MEMORY = 2;

    private static final int REMEMBERED_SCENES = 5;
    private static final int REMEMBERED_DEEDS = 2;

    RideState {
        items = List.copyOf(items);
        recentScenes = List.copyOf(recentScenes);
        recentDeeds = List.copyOf(recentDeeds);
    }

    /** The state of a player who has just boarded. */
    static RideState boarding(Ride ride) {
        return new RideState(
                true,
                false,
                false,
                0,
                START_MEMORY,
                ride.plannedEnd(),
                -1,
                List.of(),
                null,
                null,
                0,
                0,
                List.of(),
                null,
                List.of());
    }

    /** Whether the ride ends at this stop. Once true it stays true, so a ride another provider ran on ends here. */
    boolean endsAt(int stop) {
        return stop >= MAX_END || stop >= MIN_END && (leaving || stop >= plannedEnd);
    }

    boolean counting() {
        return countingFrom >= 0;
    }

    /** How many stations the player has counted by this stop. */
    int counted(int stop) {
        return counting() ? stop - countingFrom : 0;
    }

    /** Whether the ride as it stands allows a scene or action that needs this. */
    boolean allows(Need need, Ride ride) {
        return switch (need) {
            case STRANGER -> strangersMet < ride.cast().size();
            case NEW_ITEM -> itemsSeen < ride.items().size();
            case COMPANION -> companion != null;
            case NO_COMPANION -> companion == null;
            case SLIGHTED -> slighted != null;
            case ITEMS -> !items.isEmpty();
            case TICKET -> ticket;
            case NO_TICKET -> !ticket;
            case NOT_COUNTING -> !counting();
        };
    }

    /** The state after the player took this offer at this stop. */
    RideState after(StopPlan plan, Offer offer, String deed) {
        Effects effects = offer.action().effects();
        Bindings bindings = plan.bindings();
        List<String> carried = new ArrayList<>(items);
        if (effects.take() && bindings.item() != null) {
            carried.add(bindings.item().id());
        }
        if (effects.give() && bindings.carried() != null) {
            carried.remove(bindings.carried().id());
        }
        String newCompanion = companion;
        String newSlighted = slighted;
        Passenger passenger = bindings.passenger();
        if (effects.befriend() && passenger != null) {
            newCompanion = passenger.id();
            newSlighted = passenger.id().equals(slighted) ? null : slighted;
        }
        if (effects.part()) {
            newCompanion = null;
        }
        if (effects.offend() && passenger != null) {
            newSlighted = passenger.id();
            newCompanion = passenger.id().equals(companion) ? null : companion;
        }
        Scene scene = plan.scene();
        return new RideState(
                ticket && !effects.loseTicket(),
                metConductor || effects.conductor(),
                leaving || effects.leave(),
                front + effects.front(),
                memory + effects.memory(),
                plannedEnd + effects.extend(),
                effects.count() && !counting() ? plan.stop() : countingFrom,
                carried,
                newCompanion,
                newSlighted,
                strangersMet + (scene.needs().contains(Need.STRANGER) ? 1 : 0),
                itemsSeen + (scene.needs().contains(Need.NEW_ITEM) ? 1 : 0),
                lastOf(recentScenes, scene.id(), REMEMBERED_SCENES),
                firstDeed == null ? deed : firstDeed,
                lastOf(recentDeeds, deed, REMEMBERED_DEEDS));
    }

    private static List<String> lastOf(List<String> list, String added, int keep) {
        List<String> longer = new ArrayList<>(list);
        longer.add(added);
        return List.copyOf(longer.subList(Math.max(0, longer.size() - keep), longer.size()));
    }
}
