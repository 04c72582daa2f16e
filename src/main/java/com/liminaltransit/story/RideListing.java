package com.liminaltransit.story;

import java.time.Instant;

/**
 * One line of "your rides" on the landing page.
 *
 * @param id        the ride
 * @param stops     passages written
 * @param ended     whether it reached its terminus
 * @param opening   the first words of its boarding passage
 * @param updatedAt when it last moved
 */
public record RideListing(String id, int stops, boolean ended, String opening, Instant updatedAt) {}
