package com.liminaltransit.narrative.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides what happens at a stop and which choices it offers. It draws only from the seed's streams for that stop
 * and from the ride's state, so replaying the same path always plans the same stops. Its rules are the craft the
 * randomtest checks: a scene plays once a ride, and never with a sentence or label the ride has already read; the
 * player's earlier rides are avoided while something unread will do; the thread's beats come before the end; the
 * stop before the ending is an approach whose choices pick the ending; every stop offers at least one choice with a
 * consequence; a general move is rare, never offered at an encounter, taken once and never labelled the same way
 * twice.
 */
final class StopPlanner {

    private static final int PLAN = 2;
    private static final int BIND = 5;
    /** How often a stop offers three scene actions rather than two, in percent. */
    private static final int THREE_ACTIONS = 65;
    /** How often a quiet stop adds a general move, in percent. */
    private static final int MOVE = 20;
    /** How often a playable beat of the thread is played rather than another scene, in percent. */
    private static final int BEAT = 40;

    private static final int MAX_OFFERS = 4;

    private final ContentBank bank;

    StopPlanner(ContentBank bank) {
        this.bank = bank;
    }

    StopPlan plan(Ride ride, RideState state, int stop) {
        Dice dice = Dice.of(ride.seed(), stop, PLAN);
        Scene scene = pickScene(ride, state, stop, dice);
        Candidate candidate = candidate(scene, ride, state, stop);
        List<Offer> offers = offers(candidate, ride, state, stop, dice);
        return new StopPlan(stop, scene, candidate.bindings, candidate.setup(dice), offers, candidate.values);
    }

    private Scene pickScene(Ride ride, RideState state, int stop, Dice dice) {
        if (stop == 0) {
            return first(Scene.Kind.BOARDING, ride, state, stop, dice);
        }
        if (state.approachAt(stop)) {
            return approach(ride, state, stop, dice);
        }
        // A thread is found (or let go) near the end of the ride, not at its start: its last beat waits until
        // the approach is three stops away.
        boolean late = state.approachAt(stop + 3);
        List<Scene> beats = playable(Scene.Kind.BEAT, ride, state, stop).stream()
                .filter(s -> s.thread().equals(ride.thread().id()))
                .filter(s -> late || !s.needs().contains(Need.THREAD_READY))
                .toList();
        boolean lastChance = state.approachAt(stop + 2);
        if (!beats.isEmpty() && (lastChance || stop >= 2 && dice.chance(BEAT))) {
            return fresh(beats, ride, dice, false);
        }
        Scene scene = first(Scene.Kind.STOP, ride, state, stop, dice);
        if (scene != null) {
            return scene;
        }
        if (!beats.isEmpty()) {
            return fresh(beats, ride, dice, false);
        }
        // Nothing unread is left to play: the ride moves on to its end.
        return approach(ride, state, stop, dice);
    }

    /**
     * A scene of this kind, at random among the playable ones this player has not read before (or, when they have
     * read them all, among all the playable ones), or {@code null} when none is playable. The scenes are shuffled
     * and tried in turn, so only the first few are worked out in full.
     */
    private Scene first(Scene.Kind kind, Ride ride, RideState state, int stop, Dice dice) {
        List<Scene> possible = dice.shuffled(bank.scenes(kind).stream()
                .filter(s -> stop >= s.minStop())
                .filter(s -> !state.scenes().contains(s.id()))
                .filter(s -> s.needs().stream().allMatch(n -> state.allows(n, ride)))
                .toList());
        Scene read = null;
        for (Scene scene : possible) {
            boolean unread = !ride.seen().contains(scene.id());
            if (!unread && read != null) {
                continue;
            }
            if (candidate(scene, ride, state, stop).playable()) {
                if (unread) {
                    return scene;
                }
                read = scene;
            }
        }
        return read;
    }

    private Scene approach(Ride ride, RideState state, int stop, Dice dice) {
        List<Scene> approaches = playable(Scene.Kind.APPROACH, ride, state, stop);
        if (approaches.isEmpty()) {
            throw new IllegalStateException("no approach can be played at stop " + stop);
        }
        return fresh(approaches, ride, dice, true);
    }

    /** One of the scenes this player has not read before, when there is one; approaches weigh their fit. */
    private static Scene fresh(List<Scene> scenes, Ride ride, Dice dice, boolean bySpecificity) {
        List<Scene> unread =
                scenes.stream().filter(s -> !ride.seen().contains(s.id())).toList();
        List<Scene> pool = unread.isEmpty() ? scenes : unread;
        if (!bySpecificity) {
            return dice.pick(pool);
        }
        int total = pool.stream().mapToInt(StopPlanner::weight).sum();
        int roll = dice.below(total);
        for (Scene scene : pool) {
            roll -= weight(scene);
            if (roll < 0) {
                return scene;
            }
        }
        return pool.getLast();
    }

    /** An approach that fits the ride closely (it needs more) is likelier. */
    private static int weight(Scene scene) {
        return 1 + 2 * scene.needs().size();
    }

    private List<Scene> playable(Scene.Kind kind, Ride ride, RideState state, int stop) {
        return bank.scenes(kind).stream()
                .filter(s -> stop >= s.minStop())
                .filter(s -> !state.scenes().contains(s.id()))
                .filter(s -> s.needs().stream().allMatch(n -> state.allows(n, ride)))
                .filter(s -> candidate(s, ride, state, stop).playable())
                .toList();
    }

    /** A scene as it would play here: its bindings, values, fresh setups and offerable actions. */
    private Candidate candidate(Scene scene, Ride ride, RideState state, int stop) {
        Dice dice = Dice.of(ride.seed() ^ scene.id().hashCode(), stop, BIND);
        Bindings bindings = bind(scene, ride, state, stop, dice);
        Map<String, String> values = Placeholders.of(ride, state, bindings, stop, bank.prose());
        List<String> setups = new ArrayList<>();
        for (String template : scene.setups()) {
            boolean afterThread =
                    scene.needs().contains(Need.THREAD_FOUND) || scene.needs().contains(Need.THREAD_LOST);
            if (!state.threadOpen() && !afterThread && Template.slots(template).contains("sought")) {
                continue; // what the player was looking for is found, or let go: the scene must not ask again
            }
            String setup = Template.fill(template, values);
            if (fresh(setup, state.sentences())) {
                setups.add(setup);
            }
        }
        List<Offer> actions = new ArrayList<>();
        Set<String> labelsHere = new HashSet<>();
        for (Action action : scene.actions()) {
            offer(action, false, values, state, stop, ride, labelsHere, dice).ifPresent(actions::add);
        }
        return new Candidate(scene, bindings, values, setups, actions);
    }

    /** The action as an offer here, if it may be offered: its needs hold and one of its labels is unread. */
    private static java.util.Optional<Offer> offer(
            Action action,
            boolean generic,
            Map<String, String> values,
            RideState state,
            int stop,
            Ride ride,
            Set<String> labelsHere,
            Dice dice) {
        if (stop < action.minStop() || !action.needs().stream().allMatch(n -> state.allows(n, ride))) {
            return java.util.Optional.empty();
        }
        Effects effects = action.effects();
        if (!state.threadOpen() && (effects.thread() != 0 || effects.find() || effects.lose())) {
            return java.util.Optional.empty(); // a thread found or let go is not looked for again
        }
        if (!Template.slots(String.join(" ", action.labels())).stream().allMatch(values::containsKey)) {
            return java.util.Optional.empty();
        }
        List<String> labels = new ArrayList<>();
        for (String template : action.labels()) {
            String label = Template.fill(template, values);
            String key = label.toLowerCase(Locale.ROOT);
            if (!state.labels().contains(key) && !labelsHere.contains(key)) {
                labels.add(label);
            }
        }
        if (labels.isEmpty()) {
            return java.util.Optional.empty();
        }
        String label = labels.size() == 1 ? labels.getFirst() : dice.pick(labels);
        labelsHere.add(label.toLowerCase(Locale.ROOT));
        return java.util.Optional.of(new Offer(action.id(), label, action, generic));
    }

    private static boolean fresh(String text, Set<String> used) {
        return Sentences.of(text).stream().noneMatch(used::contains);
    }

    private static Bindings bind(Scene scene, Ride ride, RideState state, int stop, Dice dice) {
        Passenger passenger = null;
        if (scene.needs().contains(Need.STRANGER)) {
            passenger = ride.cast().get(state.strangersMet());
        } else if (scene.needs().contains(Need.COMPANION)) {
            passenger = ride.passenger(state.companion());
        } else if (scene.needs().contains(Need.SLIGHTED)) {
            passenger = ride.passenger(state.slighted());
        }
        Item item = scene.needs().contains(Need.NEW_ITEM) ? ride.items().get(state.itemsSeen()) : null;
        Item carried = state.items().isEmpty() ? null : ride.item(dice.pick(state.items()));
        Item given = state.given().isEmpty() ? null : ride.item(state.given().getLast());
        return new Bindings(ride.stationAt(stop), passenger, item, carried, given);
    }

    private List<Offer> offers(Candidate candidate, Ride ride, RideState state, int stop, Dice dice) {
        if (candidate.scene.kind() == Scene.Kind.APPROACH) {
            return approachOffers(candidate, dice);
        }
        List<Offer> possible = candidate.actions;
        int count = possible.size() >= 3 && dice.chance(THREE_ACTIONS) ? 3 : 2;
        List<Offer> chosen = new ArrayList<>(dice.shuffled(possible).subList(0, count));
        if (chosen.stream().noneMatch(o -> o.action().effects().consequential())) {
            List<Offer> mattering = possible.stream()
                    .filter(o -> o.action().effects().consequential())
                    .toList();
            chosen.set(chosen.size() - 1, dice.pick(mattering));
        }
        chosen.sort(Comparator.comparingInt(possible::indexOf));
        boolean quiet = candidate.scene.kind() == Scene.Kind.STOP && encounter(candidate) == null;
        if (quiet && chosen.size() < MAX_OFFERS && dice.chance(MOVE)) {
            Set<String> labelsHere = new HashSet<>();
            chosen.forEach(o -> labelsHere.add(o.label().toLowerCase(Locale.ROOT)));
            List<Offer> moves = new ArrayList<>();
            for (Action move : bank.moves()) {
                if (state.movesTaken().contains(move.id())
                        || chosen.stream().anyMatch(a -> a.action().effects().equals(move.effects()))) {
                    continue;
                }
                offer(move, true, candidate.values, state, stop, ride, new HashSet<>(labelsHere), dice)
                        .ifPresent(moves::add);
            }
            if (!moves.isEmpty()) {
                chosen.add(dice.pick(moves));
            }
        }
        return chosen;
    }

    /** Up to four endings: the ones the ride has earned first (actions with needs), then the ones always open. */
    private static List<Offer> approachOffers(Candidate candidate, Dice dice) {
        List<Offer> earned = candidate.actions.stream()
                .filter(o -> !o.action().needs().isEmpty())
                .toList();
        List<Offer> open = candidate.actions.stream()
                .filter(o -> o.action().needs().isEmpty())
                .toList();
        // A companion is always offered the ending in their company: the approach must not drop who you travel with.
        List<Offer> ranked = new ArrayList<>(dice.shuffled(earned));
        ranked.sort(Comparator.comparing(o -> o.action().effects().end() != Ending.TOGETHER));
        List<Offer> chosen = new ArrayList<>(ranked.subList(0, Math.min(ranked.size(), 3)));
        int always = chosen.isEmpty() ? 3 : chosen.size() >= 2 ? 1 : 2;
        List<Offer> shuffledOpen = dice.shuffled(open);
        chosen.addAll(shuffledOpen.subList(0, Math.min(shuffledOpen.size(), always)));
        chosen.sort(Comparator.comparingInt(candidate.actions::indexOf));
        return chosen;
    }

    private static String encounter(Candidate candidate) {
        if (candidate.scene.bindsPassenger() && candidate.bindings.passenger() != null) {
            return candidate.bindings.passenger().shortName();
        }
        return candidate.scene.encounter();
    }

    /** A scene as it would play at a stop. */
    private record Candidate(
            Scene scene, Bindings bindings, Map<String, String> values, List<String> setups, List<Offer> actions) {

        boolean playable() {
            if (setups.isEmpty() || actions.size() < 2) {
                return false;
            }
            if (scene.kind() == Scene.Kind.APPROACH) {
                return actions.stream().anyMatch(o -> o.action().needs().isEmpty());
            }
            return actions.stream().anyMatch(o -> o.action().effects().consequential());
        }

        String setup(Dice dice) {
            return dice.pick(setups);
        }
    }
}
