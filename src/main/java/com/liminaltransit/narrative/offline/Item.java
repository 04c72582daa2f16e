package com.liminaltransit.narrative.offline;

import java.util.List;

/**
 * A thing the player may carry; later passages and the ending remember it.
 *
 * @param id        stable id, kept in the ride's state
 * @param name      how the item is introduced, with its article
 * @param shortName how the item is called afterwards; every mention names it so
 * @param mentions  sentences a later stop may use to remind the player of it, never the same one twice
 * @param farewells sentences an ending may use for it
 */
record Item(String id, String name, String shortName, List<String> mentions, List<String> farewells) {

    Item {
        mentions = List.copyOf(mentions);
        farewells = List.copyOf(farewells);
    }
}
