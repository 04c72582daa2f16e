package com.liminaltransit.narrative.offline;

import java.util.HashMap;
import java.util.Map;

/** The values a stop's templates may use, gathered from the ride, its state and the stop's bindings. */
final class Placeholders {

    private Placeholders() {}

    static Map<String, String> of(Ride ride, RideState state, Bindings bindings, int stop) {
        Map<String, String> values = new HashMap<>();
        values.put("line", ride.line());
        values.put("boarding", ride.boarding().name());
        values.put("terminus", ride.terminus());
        values.put("conductor", ride.conductor());
        values.put("weather", ride.weather());
        values.put("sound", ride.sound());
        values.put("light", ride.light());
        values.put("station", bindings.station().name());
        values.put("sight", bindings.station().sight());
        Passenger passenger = bindings.passenger();
        if (passenger != null) {
            values.put("passenger", passenger.name());
            values.put("pshort", passenger.shortName());
            values.put("them", passenger.them());
            values.put("their", passenger.their());
            values.put("pdetail", passenger.detail());
        }
        if (bindings.item() != null) {
            values.put("item", bindings.item().name());
            values.put("ishort", bindings.item().shortName());
        }
        if (bindings.carried() != null) {
            values.put("carried", bindings.carried().shortName());
        }
        if (state.companion() != null) {
            values.put("companion", ride.passenger(state.companion()).shortName());
        }
        if (state.slighted() != null) {
            values.put("slighted", ride.passenger(state.slighted()).shortName());
        }
        if (state.counting()) {
            values.put("count", Words.number(state.counted(stop)));
        }
        if (state.firstDeed() != null) {
            values.put("deed", state.firstDeed());
        }
        return values;
    }
}
