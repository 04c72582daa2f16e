package com.liminaltransit.narrative.offline;

import java.util.List;

/**
 * A station of the line.
 *
 * @param name   its name as it reads mid-sentence, e.g. {@code the Narrows}
 * @param sights sentences about what the player sees there; a ride uses at most one
 */
record Station(String name, List<String> sights) {

    Station {
        sights = List.copyOf(sights);
    }
}
