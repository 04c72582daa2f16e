package com.liminaltransit.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The map page's model: a ride's family laid out on the server, once as an SVG (one lane per ride, a dot per stop,
 * a line from each fork to the branch's first stop) and once as nested lists for screen readers and text browsers.
 * The SVG needs no script and uses presentation attributes and classes only (the CSP forbids inline styles).
 *
 * @param width     the SVG's width and viewBox width
 * @param height    the SVG's height and viewBox height
 * @param lines     the track between stops and from each fork to its branch
 * @param nodes     one dot per stop, each a link to the stop's permalink
 * @param root      the family as a tree, for the lists
 * @param currentId the ride the map was asked for
 * @param branches  how many branches the family has
 */
record FamilyMap(int width, int height, List<Line> lines, List<Node> nodes, Item root, String currentId, int branches) {

    /** Horizontal distance between stops. */
    static final int STEP = 40;
    /** Vertical distance between lanes: 100 branches still fit a long page, and each dot stays a target. */
    static final int LANE = 26;
    /** Margin around the drawing. */
    static final int MARGIN = 16;

    FamilyMap {
        lines = List.copyOf(lines);
        nodes = List.copyOf(nodes);
    }

    /**
     * A line of the drawing.
     *
     * @param cssClass {@code track} (between stops of one ride) or {@code fork} (to a branch); {@code current}
     *                 is added on the ride the map was asked for
     */
    record Line(int x1, int y1, int x2, int y2, String cssClass) {}

    /**
     * A stop in the drawing; the page words its SVG title from the parts, in the player's language.
     *
     * @param href        its permalink
     * @param stop        its index
     * @param ending      whether it is a terminus
     * @param afterLabel  on a branch's first stop, the door taken to reach it; else {@code null}
     * @param chosenLabel what was chosen there, or {@code null}
     * @param cssClass    {@code stop}, plus {@code ending} and {@code current} where they apply
     */
    record Node(
            int x,
            int y,
            String href,
            int stop,
            boolean ending,
            String afterLabel,
            String chosenLabel,
            String cssClass) {}

    /**
     * A ride in the lists; the page names it from the parts (the ride as boarded, or another door at a stop).
     *
     * @param rideId    the ride
     * @param href      the ride's page
     * @param forkStop  the stop it branched at, or {@code null} for the ride as boarded
     * @param forkLabel the label of the door it took there, or {@code null}
     * @param current   whether it is the ride the map was asked for
     * @param ended     whether it reached a terminus
     * @param stops     the stops it owns
     */
    record Item(
            String rideId,
            String href,
            Integer forkStop,
            String forkLabel,
            boolean current,
            boolean ended,
            List<StopItem> stops) {}

    /**
     * A stop in the lists, with the branches that fork there.
     *
     * @param href        its permalink
     * @param ending      whether it is a terminus (the page names it: Boarding, Stop n, Terminus)
     * @param chosenLabel what was chosen there, or {@code null}
     * @param branches    rides that took another door here
     */
    record StopItem(int stop, String href, boolean ending, String chosenLabel, List<Item> branches) {}

    /** Lays out {@code family} for the map of ride {@code currentId}. */
    static FamilyMap of(RideFamily family, String currentId) {
        List<RideFamily.Member> order = family.walk();
        Map<String, Integer> lanes = new HashMap<>();
        for (RideFamily.Member member : order) {
            lanes.put(member.id(), lanes.size());
        }
        List<Line> lines = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        int lastStop = 0;
        for (RideFamily.Member member : order) {
            int y = y(lanes.get(member.id()));
            String current = member.id().equals(currentId) ? " current" : "";
            if (member.fork() != null && !member.own().isEmpty()) {
                int parentY = y(lanes.get(member.fork().parentId()));
                lines.add(new Line(
                        x(member.fork().stop()), parentY, x(member.fork().stop() + 1), y, "fork" + current));
            }
            RideFamily.Stop previous = null;
            for (RideFamily.Stop stop : member.own()) {
                if (previous != null) {
                    lines.add(new Line(x(previous.stop()), y, x(stop.stop()), y, "track" + current));
                }
                nodes.add(new Node(
                        x(stop.stop()),
                        y,
                        permalink(member.id(), stop.stop()),
                        stop.stop(),
                        stop.ending(),
                        afterLabel(member, stop),
                        stop.chosenLabel(),
                        "stop" + (stop.ending() ? " ending" : "") + current));
                lastStop = Math.max(lastStop, stop.stop());
                previous = stop;
            }
        }
        return new FamilyMap(
                2 * MARGIN + lastStop * STEP,
                2 * MARGIN + (order.size() - 1) * LANE,
                lines,
                nodes,
                item(family, family.root(), currentId),
                currentId,
                family.branches());
    }

    private static Item item(RideFamily family, RideFamily.Member member, String currentId) {
        Map<Integer, List<RideFamily.Member>> forks = family.branchesOf(member.id());
        List<StopItem> stops = new ArrayList<>();
        for (RideFamily.Stop stop : member.own()) {
            List<Item> branches = forks.getOrDefault(stop.stop(), List.of()).stream()
                    .map(child -> item(family, child, currentId))
                    .toList();
            stops.add(new StopItem(
                    stop.stop(), permalink(member.id(), stop.stop()), stop.ending(), stop.chosenLabel(), branches));
        }
        return new Item(
                member.id(),
                "/stories/" + member.id(),
                member.fork() == null ? null : member.fork().stop(),
                member.forkLabel(),
                member.id().equals(currentId),
                member.ended(),
                stops);
    }

    /** On a branch's first stop, the door taken to reach it. */
    private static String afterLabel(RideFamily.Member member, RideFamily.Stop stop) {
        return member.fork() != null && stop.stop() == member.fork().stop() + 1 ? member.forkLabel() : null;
    }

    private static String permalink(String rideId, int stop) {
        return "/stories/" + rideId + "/stops/" + stop;
    }

    private static int x(int stop) {
        return MARGIN + stop * STEP;
    }

    private static int y(int lane) {
        return MARGIN + lane * LANE;
    }
}
