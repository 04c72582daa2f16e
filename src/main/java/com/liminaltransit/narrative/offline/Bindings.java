package com.liminaltransit.narrative.offline;

/**
 * Whom and what a stop's scene is about, so its templates and the next passage's outcome name the same things.
 *
 * @param station   the station the train stands at (or last passed)
 * @param passenger the stranger, companion or slighted passenger the scene is about, or {@code null}
 * @param item      the new item the scene is about, or {@code null}
 * @param carried   one of the items the player carries, or {@code null}
 * @param given     an item the player gave away, or {@code null}
 */
record Bindings(Station station, Passenger passenger, Item item, Item carried, Item given) {}
