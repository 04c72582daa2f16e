package com.liminaltransit.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A ride and every branch taken from it, at any depth: what the map draws. Each member lists only the stops it
 * owns (a branch shares its parent's stops up to its fork, and those are drawn once, on the parent).
 *
 * @param rootId  the family's first ride
 * @param members every ride of the family, oldest first
 */
record RideFamily(String rootId, List<Member> members) {

    RideFamily {
        members = List.copyOf(members);
    }

    /**
     * One ride of the family.
     *
     * @param id        the ride
     * @param stops     passages it has, shared ones included
     * @param ended     whether it reached a terminus
     * @param fork      where it branched, or {@code null} for the first ride
     * @param forkLabel the label of the choice it took at its fork, or {@code null}
     * @param own       the stops it owns, in order
     */
    record Member(String id, int stops, boolean ended, Fork fork, String forkLabel, List<Stop> own) {

        Member {
            own = List.copyOf(own);
        }
    }

    /**
     * One stop a member owns.
     *
     * @param stop        its index
     * @param ending      whether the ride ends there
     * @param chosenLabel the label of the choice made there, or {@code null} while open
     */
    record Stop(int stop, boolean ending, String chosenLabel) {}

    /** The first ride. */
    Member root() {
        return member(rootId).orElseThrow();
    }

    /** The member with this id. */
    Optional<Member> member(String id) {
        return members.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** How many branches the family has (every member but the first). */
    int branches() {
        return members.size() - 1;
    }

    /** The branches taken from {@code parentId}, grouped by the stop they fork at, each group oldest first. */
    Map<Integer, List<Member>> branchesOf(String parentId) {
        return members.stream()
                .filter(m -> m.fork() != null && m.fork().parentId().equals(parentId))
                .collect(Collectors.groupingBy(m -> m.fork().stop(), Collectors.toList()));
    }

    /** Every member in the order of a walk down the tree: a ride, then its branches by fork stop, recursively. */
    List<Member> walk() {
        Map<String, Member> byId = members.stream().collect(Collectors.toMap(Member::id, Function.identity()));
        List<Member> order = new ArrayList<>();
        walk(byId.get(rootId), order);
        return order;
    }

    private void walk(Member member, List<Member> order) {
        order.add(member);
        branchesOf(member.id()).entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(group -> group.getValue().forEach(child -> walk(child, order)));
    }
}
