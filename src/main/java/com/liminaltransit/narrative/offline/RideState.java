package com.liminaltransit.narrative.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the player's choices, and the passages written so far, have made of the ride. It is never stored: it is
 * rebuilt by replaying the path from the seed, which keeps the provider stateless and lets any stop be written again
 * identically.
 *
 * @param ticket         whether the player still has the ticket
 * @param metConductor   whether the player has dealt with the conductor
 * @param front          steps toward the engine (negative: toward the last carriage)
 * @param memory         how much of themselves the player holds on to; starts at {@link #START_MEMORY}
 * @param plannedEnd     the stop at which the ride ends unless a choice moves it
 * @param countingFrom   the stop at which the player began counting stations, or -1
 * @param items          ids of the items the player carries, in the order they were taken
 * @param companion      id of the passenger travelling with the player, or {@code null}
 * @param slighted       id of the passenger the player slighted, or {@code null}
 * @param gone           ids of the passengers who have left the train, in order
 * @param given          ids of the items the player gave away, in order
 * @param strangersMet   how many of the ride's cast the player has met
 * @param itemsSeen      how many of the ride's items the player has come across
 * @param scenes         ids of the scenes played, in order (a scene plays once a ride)
 * @param movesTaken     ids of the general moves taken (a move is taken once a ride)
 * @param firstDeed      what the player did first, for the ending to remember
 * @param recentDeeds    the last two things the player did, for the summary
 * @param threadProgress clues gathered toward the thread
 * @param threadFound    whether the thread was found
 * @param threadLost     whether the thread was let go
 * @param end            the ending chosen at the stop before, or {@code null}: the ride goes on
 * @param sentences      every sentence written so far, so none is written twice
 * @param labels         every label offered so far, lower-cased, so none is offered twice
 * @param due            consequences the player must meet again before their deadline
 */
record RideState(
        boolean ticket,
        boolean metConductor,
        int front,
        int memory,
        int plannedEnd,
        int countingFrom,
        List<String> items,
        String companion,
        String slighted,
        List<String> gone,
        List<String> given,
        int strangersMet,
        int itemsSeen,
        List<String> scenes,
        List<String> movesTaken,
        String firstDeed,
        List<String> recentDeeds,
        int threadProgress,
        boolean threadFound,
        boolean threadLost,
        Ending end,
        Set<String> sentences,
        Set<String> labels,
        List<Due> due) {

    /** The earliest stop that may be an ending. */
    static final int MIN_END = 8;
    /** The last stop a ride may reach: it is always an ending. */
    static final int MAX_END = 15;
    /** How much a player remembers on boarding. */
    static final int START_MEMORY = 2;
    /** Clues that make the thread ready to be found. */
    static final int READY = 2;
    /** A consequence must be met again by this many stops after the choice. */
    static final int DEADLINE = 3;
    /** New things a ride comes across at most: more would crowd out everything else. */
    static final int MAX_NEW_ITEMS = 3;
    /** Strangers a ride meets at most. */
    static final int MAX_STRANGERS = 5;

    private static final int REMEMBERED_DEEDS = 2;

    RideState {
        items = List.copyOf(items);
        gone = List.copyOf(gone);
        given = List.copyOf(given);
        scenes = List.copyOf(scenes);
        movesTaken = List.copyOf(movesTaken);
        recentDeeds = List.copyOf(recentDeeds);
        sentences = Set.copyOf(sentences);
        labels = Set.copyOf(labels);
        due = List.copyOf(due);
    }

    /**
     * A consequence waiting to be met again.
     *
     * @param kind   {@code item}, {@code given}, {@code companion}, {@code slighted}, {@code ticket}, {@code thread}
     * @param target the item or passenger id it is about ({@code null} for the ticket and the thread)
     * @param from   the stop the choice was made at
     */
    record Due(String kind, String target, int from) {}

    /** The state of a player who has just boarded. */
    static RideState boarding(Ride ride) {
        return new RideState(
                true,
                false,
                0,
                START_MEMORY,
                ride.plannedEnd(),
                -1,
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                0,
                0,
                List.of(),
                List.of(),
                null,
                List.of(),
                0,
                false,
                false,
                null,
                Set.of(),
                Set.of(),
                List.of());
    }

    /** Whether the ride ends at this stop: the choice before chose an ending, or the line has run out. */
    boolean endsAt(int stop) {
        return stop > 0 && (end != null || stop >= MAX_END);
    }

    /** Whether this stop is the one before the ending: its scene prepares the end and its choices pick it. */
    boolean approachAt(int stop) {
        int planned = Math.min(MAX_END, Math.max(MIN_END, plannedEnd));
        return stop > 0 && stop + 1 >= planned;
    }

    boolean counting() {
        return countingFrom >= 0;
    }

    /** How many stations the player has counted by this stop. */
    int counted(int stop) {
        return counting() ? stop - countingFrom : 0;
    }

    boolean threadOpen() {
        return !threadFound && !threadLost;
    }

    /** Whether the ride as it stands allows a scene or action that needs this. */
    boolean allows(Need need, Ride ride) {
        return switch (need) {
            case STRANGER -> strangersMet < Math.min(MAX_STRANGERS, ride.cast().size());
            case NEW_ITEM -> itemsSeen < Math.min(MAX_NEW_ITEMS, ride.items().size());
            case COMPANION -> companion != null;
            case NO_COMPANION -> companion == null;
            case SLIGHTED -> slighted != null;
            case ITEMS -> !items.isEmpty();
            case GIVEN -> !given.isEmpty();
            case TICKET -> ticket;
            case NO_TICKET -> !ticket;
            case MET_CONDUCTOR -> metConductor;
            case NOT_COUNTING -> !counting();
            case COUNTING -> counting();
            case FRONT -> front >= 1;
            case BACK -> front <= -1;
            case FORGETFUL -> memory <= 0;
            case REMEMBERS -> memory >= 3;
            case THREAD_OPEN -> threadOpen();
            case THREAD_NEAR -> threadOpen() && threadProgress >= 1;
            case THREAD_READY -> threadOpen() && threadProgress >= READY;
            case THREAD_FOUND -> threadFound;
            case THREAD_LOST -> threadLost;
        };
    }

    /** The state after the player took this offer at this stop. */
    RideState after(StopPlan plan, Offer offer, String deed) {
        Effects effects = offer.action().effects();
        Bindings bindings = plan.bindings();
        int stop = plan.stop();
        List<String> carried = new ArrayList<>(items);
        List<String> gave = new ArrayList<>(given);
        List<Due> owed = new ArrayList<>(due);
        if (effects.take() && bindings.item() != null) {
            carried.add(bindings.item().id());
            owed.add(new Due("item", bindings.item().id(), stop));
        }
        if (effects.give() && bindings.carried() != null) {
            carried.remove(bindings.carried().id());
            gave.add(bindings.carried().id());
            owed.removeIf(d -> d.kind().equals("item")
                    && d.target().equals(bindings.carried().id()));
            owed.add(new Due("given", bindings.carried().id(), stop));
        }
        String newCompanion = companion;
        String newSlighted = slighted;
        List<String> left = new ArrayList<>(gone);
        Passenger passenger = bindings.passenger();
        if (effects.befriend() && passenger != null) {
            newCompanion = passenger.id();
            newSlighted = passenger.id().equals(slighted) ? null : slighted;
            owed.add(new Due("companion", passenger.id(), stop));
        }
        if (effects.part() && companion != null) {
            left.add(companion);
            newCompanion = null;
            String departed = companion;
            owed.removeIf(d -> departed.equals(d.target()));
        }
        if (effects.offend() && passenger != null) {
            newSlighted = passenger.id();
            newCompanion = passenger.id().equals(newCompanion) ? null : newCompanion;
            owed.removeIf(d -> d.kind().equals("companion") && passenger.id().equals(d.target()));
            owed.add(new Due("slighted", passenger.id(), stop));
        }
        if (effects.loseTicket() && ticket) {
            owed.add(new Due("ticket", null, stop));
        }
        int progress = threadProgress;
        boolean found = threadFound;
        boolean lost = threadLost;
        if (threadOpen() && (effects.thread() != 0 || effects.find() || effects.lose())) {
            progress = Math.max(0, Math.min(READY, progress + effects.thread()));
            found = effects.find();
            lost = effects.lose() && !found;
            owed.add(new Due("thread", null, stop));
        }
        Scene scene = plan.scene();
        List<String> played = new ArrayList<>(scenes);
        played.add(scene.id());
        List<String> moves = new ArrayList<>(movesTaken);
        if (offer.generic()) {
            moves.add(offer.action().id());
        }
        return new RideState(
                ticket && !effects.loseTicket(),
                metConductor || effects.conductor(),
                front + effects.front(),
                memory + effects.memory(),
                plannedEnd + effects.extend(),
                effects.count() && !counting() ? stop : countingFrom,
                carried,
                newCompanion,
                newSlighted,
                left,
                gave,
                strangersMet + (scene.needs().contains(Need.STRANGER) ? 1 : 0),
                itemsSeen + (scene.needs().contains(Need.NEW_ITEM) ? 1 : 0),
                played,
                moves,
                firstDeed == null ? deed : firstDeed,
                lastOf(recentDeeds, deed, REMEMBERED_DEEDS),
                progress,
                found,
                lost,
                effects.end(),
                sentences,
                labels,
                owed);
    }

    /**
     * The state once stop {@code stop} is written: its sentences and labels are taken, and the consequences it named
     * (or whose deadline passed) are settled.
     *
     * @param written the sentences of the passage
     * @param body    the passage after the outcome of the last choice, where a consequence counts as met again
     * @param offered the labels offered
     * @param names   how each due consequence is named in text
     */
    RideState written(int stop, List<String> written, String body, List<String> offered, DueNames names) {
        Set<String> allSentences = new HashSet<>(sentences);
        allSentences.addAll(written);
        Set<String> allLabels = new HashSet<>(labels);
        offered.forEach(l -> allLabels.add(l.toLowerCase(java.util.Locale.ROOT)));
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        List<Due> still = new ArrayList<>();
        for (Due d : due) {
            String name = names.name(d);
            boolean met = d.from() < stop && name != null && lower.contains(name.toLowerCase(java.util.Locale.ROOT));
            boolean expired = stop >= d.from() + DEADLINE;
            if (!met && !expired && name != null) {
                still.add(d);
            }
        }
        return new RideState(
                ticket,
                metConductor,
                front,
                memory,
                plannedEnd,
                countingFrom,
                items,
                companion,
                slighted,
                gone,
                given,
                strangersMet,
                itemsSeen,
                scenes,
                movesTaken,
                firstDeed,
                recentDeeds,
                threadProgress,
                threadFound,
                threadLost,
                end,
                allSentences,
                allLabels,
                still);
    }

    /** How a due consequence is named in text, or {@code null} when it can no longer be (the person has gone). */
    interface DueNames {
        String name(Due due);
    }

    private static List<String> lastOf(List<String> list, String added, int keep) {
        List<String> longer = new ArrayList<>(list);
        longer.add(added);
        return List.copyOf(longer.subList(Math.max(0, longer.size() - keep), longer.size()));
    }
}
