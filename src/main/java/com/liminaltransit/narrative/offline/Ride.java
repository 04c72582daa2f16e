package com.liminaltransit.narrative.offline;

import java.util.List;

/**
 * What a ride's seed fixes before the player makes any choice: the line, its weather, its stations in order, the
 * people aboard and the things lying about. Choices change the ride's state, never this.
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
 * @param plannedEnd the stop at which the ride ends if no choice lengthens or shortens it
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
        int plannedEnd) {

    private static final int WORLD = 1;

    Ride {
        route = List.copyOf(route);
        cast = List.copyOf(cast);
        items = List.copyOf(items);
    }

    /** Lays out the ride a seed stands for. */
    static Ride board(long seed, ContentBank bank) {
        Dice dice = Dice.of(seed, -1, WORLD);
        List<Station> stations = dice.shuffled(bank.stations());
        return new Ride(
                seed,
                dice.pick(bank.lines()),
                stations.get(0),
                stations.subList(1, stations.size()),
                dice.pick(bank.termini()),
                dice.pick(bank.conductors()),
                dice.pick(bank.weathers()),
                dice.pick(bank.sounds()),
                dice.pick(bank.lights()),
                dice.shuffled(bank.passengers()),
                dice.shuffled(bank.items()),
                RideState.MIN_END + 1 + dice.below(RideState.MAX_END - RideState.MIN_END - 2));
    }

    /** The station the train stands at on a stop; stop 0 is where the player boards. */
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
