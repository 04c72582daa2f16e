package com.liminaltransit.narrative.offline;

import java.util.HashMap;
import java.util.Map;

/** The values a stop's templates may use, gathered from the ride, its state and the stop's bindings. */
final class Placeholders {

    private Placeholders() {}

    static Map<String, String> of(Ride ride, RideState state, Bindings bindings, int stop, Prose prose) {
        Map<String, String> values = new HashMap<>();
        values.put("line", ride.line());
        values.put("boarding", ride.boarding().name());
        values.put("terminus", ride.terminus());
        values.put("conductor", ride.conductor());
        values.put("weather", ride.weather());
        values.put("sound", ride.sound());
        values.put("light", ride.light());
        values.put("sought", ride.thread().sought());
        values.put("station", bindings.station().name());
        Passenger passenger = bindings.passenger();
        if (passenger != null) {
            values.put("passenger", passenger.name());
            values.put("pshort", passenger.shortName());
            values.put("them", passenger.them());
            values.put("their", passenger.their());
            values.put("pdetail", detail(passenger, ride.seed(), state));
        }
        if (bindings.item() != null) {
            values.put("item", bindings.item().name());
            values.put("ishort", bindings.item().shortName());
        }
        if (bindings.carried() != null) {
            values.put("carried", bindings.carried().shortName());
        }
        if (bindings.given() != null) {
            values.put("given", bindings.given().shortName());
        }
        if (state.companion() != null) {
            values.put("companion", ride.passenger(state.companion()).shortName());
        }
        if (state.slighted() != null) {
            values.put("slighted", ride.passenger(state.slighted()).shortName());
        }
        if (!state.gone().isEmpty()) {
            values.put("gone", ride.passenger(state.gone().getLast()).shortName());
        }
        if (state.counting()) {
            values.put("count", prose.number(state.counted(stop)));
        }
        if (state.firstDeed() != null) {
            values.put("deed", state.firstDeed());
        }
        return values;
    }

    /** One of the passenger's details not yet read in this ride (by the seed's turn), so none is read twice. */
    private static String detail(Passenger passenger, long seed, RideState state) {
        int count = passenger.details().size();
        int first = Math.floorMod(seed, count);
        for (int i = 0; i < count; i++) {
            String detail = passenger.details().get((first + i) % count);
            if (!state.sentences().contains(detail.strip())) {
                return detail;
            }
        }
        return passenger.details().get(first);
    }
}
