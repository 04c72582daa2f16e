package com.liminaltransit.story;

import com.liminaltransit.narrative.StepNeeds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of "your rides" on the landing page, with the branches taken from it listed under it.
 *
 * @param id        the ride
 * @param stops     passages written
 * @param ended     whether it reached its terminus
 * @param opening   the first words of its boarding passage
 * @param updatedAt when it last moved
 * @param fork      where it branched from another ride, or {@code null}
 * @param forkLabel the label of the choice it took at its fork, or {@code null}
 * @param branches  rides that branched from this one, in the order listed
 * @param language  the language its opening is in, a BCP 47 tag
 */
public record RideListing(
        String id,
        int stops,
        boolean ended,
        String opening,
        Instant updatedAt,
        Fork fork,
        String forkLabel,
        List<RideListing> branches,
        String language) {

    public RideListing {
        branches = List.copyOf(branches);
        language = StepNeeds.normalise(language);
    }

    /** A ride without branches, in English. */
    public RideListing(String id, int stops, boolean ended, String opening, Instant updatedAt) {
        this(id, stops, ended, opening, updatedAt, null, null, List.of(), StepNeeds.DEFAULT_LANGUAGE);
    }

    /**
     * Puts each branch under the ride it branched from, keeping the order of {@code flat} at every level. A branch
     * whose parent is not in the list (an older ride past the list's length) stays at the top.
     */
    static List<RideListing> nest(List<RideListing> flat) {
        Map<String, List<RideListing>> children = new LinkedHashMap<>();
        Map<String, RideListing> byId = new LinkedHashMap<>();
        for (RideListing ride : flat) {
            byId.put(ride.id(), ride);
        }
        List<RideListing> tops = new ArrayList<>();
        for (RideListing ride : flat) {
            if (ride.fork() != null && byId.containsKey(ride.fork().parentId())) {
                children.computeIfAbsent(ride.fork().parentId(), parent -> new ArrayList<>())
                        .add(ride);
            } else {
                tops.add(ride);
            }
        }
        return tops.stream().map(top -> withBranches(top, children)).toList();
    }

    private static RideListing withBranches(RideListing ride, Map<String, List<RideListing>> children) {
        List<RideListing> mine = children.getOrDefault(ride.id(), List.of()).stream()
                .map(child -> withBranches(child, children))
                .toList();
        return new RideListing(
                ride.id(),
                ride.stops(),
                ride.ended(),
                ride.opening(),
                ride.updatedAt(),
                ride.fork(),
                ride.forkLabel(),
                mine,
                ride.language());
    }
}
