package com.liminaltransit.narrative.offline;

/**
 * A station of the line.
 *
 * @param name  its name as it reads mid-sentence, e.g. {@code the Narrows}
 * @param sight one sentence about what the player sees there
 */
record Station(String name, String sight) {}
