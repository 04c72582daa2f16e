package com.liminaltransit.narrative.offline;

import java.util.List;
import java.util.Set;

/**
 * What a ride's seed fixes before the player makes any choice: the line, its weather, its stations in order, the
 * people aboard, the things lying about and what the ride is about (its thread). Choices change the ride's state,
 * never this.
 *
 * @param seed       the ride's seed
 * @param line       the line's name
 * @param boarding   where the player boards
 * @param route      the stations after it, in order
 * @param terminus   where the line ends for a player who stays aboard
 * @param conductor  how the conductor is introduced
 * @param weather    the weather of the line
 * @param sound      a sound of the line
 * @param light      the light of the carriages
 * @param cast       passengers in the order the player meets them
 * @param items      items in the order the player comes across them
 * @param thread     what the ride is about
 * @param plannedEnd the stop at which the ride ends if no choice lengthens or shortens it
 * @param seen       what this player has read on earlier rides (scene ids, {@code thread:} ids), avoided when
 *                   something else will do
 */
record Ride(
        long seed,
        String line,
        Station boarding,
        List<Station> route,
        String terminus,
        String conductor,
        String weather,
        String sound,
        String light,
        List<Passenger> cast,
        List<Item> items,
        StoryThread thread,
        int plannedEnd,
        Set<String> seen) {

    private static final int WORLD = 1;

    Ride {
        route = List.copyOf(route);
        cast = List.copyOf(cast);
        items = List.copyOf(items);
        seen = Set.copyOf(seen);
    }

    /** Lays out the ride a seed stands for, for a player who has read {@code seen} before. */
    static Ride board(long seed, ContentBank bank, Set<String> seen) {
        Dice dice = Dice.of(seed, -1, WORLD);
        List<Station> stations = dice.shuffled(bank.stations());
        String line = dice.pick(bank.lines());
        String terminus = dice.pick(bank.termini());
        String conductor = dice.pick(bank.conductors());
        String weather = dice.pick(bank.weathers());
        String sound = dice.pick(bank.sounds());
        String light = dice.pick(bank.lights());
        List<Passenger> cast = dice.shuffled(bank.passengers());
        List<Item> items = dice.shuffled(bank.items());
        int plannedEnd = RideState.MIN_END + dice.below(RideState.MAX_END - RideState.MIN_END - 1);
        List<StoryThread> fresh = bank.threads().stream()
                .filter(t -> !seen.contains("thread:" + t.id()))
                .toList();
        StoryThread thread = dice.pick(fresh.isEmpty() ? bank.threads() : fresh);
        return new Ride(
                seed,
                line,
                stations.get(0),
                stations.subList(1, stations.size()),
                terminus,
                conductor,
                weather,
                sound,
                light,
                cast,
                items,
                thread,
                plannedEnd,
                seen);
    }

    /** The station the train stands at (or last passed) on a stop; stop 0 is where the player boards. */
    Station stationAt(int stop) {
        return stop <= 0 ? boarding : route.get((stop - 1) % route.size());
    }

    Passenger passenger(String id) {
        return cast.stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no passenger " + id));
    }

    Item item(String id) {
        return items.stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no item " + id));
    }
}
