package com.liminaltransit.narrative.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides what happens at a stop and which choices it offers. It draws only from the seed's stream for that stop
 * and from the ride's state, so replaying the same path always plans the same stops.
 */
final class StopPlanner {

    private static final int PLAN = 2;
    /** How often a stop offers three scene actions rather than two, in percent. */
    private static final int THREE_ACTIONS = 65;
    /** How often a stop adds a general move, in percent; stepping off is offered more often, once it may be. */
    private static final int MOVE = 45;

    private static final int ALIGHT = 50;
    private static final int MAX_OFFERS = 4;

    private final ContentBank bank;

    StopPlanner(ContentBank bank) {
        this.bank = bank;
    }

    StopPlan plan(Ride ride, RideState state, int stop) {
        Dice dice = Dice.of(ride.seed(), stop, PLAN);
        Scene scene = pickScene(ride, state, stop, dice);
        Bindings bindings = bind(scene, ride, state, stop, dice);
        Map<String, String> values = Placeholders.of(ride, state, bindings, stop);
        List<Action> actions = pickActions(scene, ride, state, stop, dice);
        List<Offer> offers = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (Action action : actions) {
            String label = Template.fill(action.label(), values);
            if (labels.add(label.toLowerCase(Locale.ROOT))) {
                offers.add(new Offer(action.id(), label, action));
            }
        }
        return new StopPlan(stop, scene, bindings, dice.pick(scene.setups()), offers, values);
    }

    private Scene pickScene(Ride ride, RideState state, int stop, Dice dice) {
        List<Scene> pool = stop == 0 ? bank.boarding() : bank.scenes();
        List<Scene> playable =
                pool.stream().filter(s -> playable(s, ride, state, stop)).toList();
        List<Scene> fresh = playable.stream()
                .filter(s -> !state.recentScenes().contains(s.id()))
                .toList();
        if (!fresh.isEmpty()) {
            return dice.pick(fresh);
        }
        // A long ride with few playable scenes: anything but the scene just played.
        List<Scene> notLast = playable.stream()
                .filter(s -> state.recentScenes().isEmpty()
                        || !s.id().equals(state.recentScenes().getLast()))
                .toList();
        return dice.pick(notLast.isEmpty() ? playable : notLast);
    }

    private boolean playable(Scene scene, Ride ride, RideState state, int stop) {
        return scene.needs().stream().allMatch(n -> state.allows(n, ride))
                && scene.actions().stream()
                                .filter(a -> offerable(a, ride, state, stop))
                                .count()
                        >= 2;
    }

    private static boolean offerable(Action action, Ride ride, RideState state, int stop) {
        return stop >= action.minStop() && action.needs().stream().allMatch(n -> state.allows(n, ride));
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
        return new Bindings(ride.stationAt(stop), passenger, item, carried);
    }

    /** Two or three of the scene's actions, in the scene's order, and perhaps one general move after them. */
    private List<Action> pickActions(Scene scene, Ride ride, RideState state, int stop, Dice dice) {
        List<Action> possible = scene.actions().stream()
                .filter(a -> offerable(a, ride, state, stop))
                .toList();
        int count = possible.size() >= 3 && dice.chance(THREE_ACTIONS) ? 3 : 2;
        List<Action> chosen = new ArrayList<>(dice.shuffled(possible).subList(0, count));
        chosen.sort(Comparator.comparingInt(scene.actions()::indexOf));
        List<Action> moves = bank.moves().stream()
                .filter(m -> offerable(m, ride, state, stop))
                .filter(m -> chosen.stream().noneMatch(a -> a.effects().equals(m.effects())))
                .toList();
        List<Action> leaving = moves.stream().filter(m -> m.effects().leave()).toList();
        List<Action> staying = moves.stream().filter(m -> !m.effects().leave()).toList();
        if (chosen.size() < MAX_OFFERS) {
            if (!leaving.isEmpty() && dice.chance(ALIGHT)) {
                chosen.add(dice.pick(leaving));
            } else if (!staying.isEmpty() && dice.chance(MOVE)) {
                chosen.add(dice.pick(staying));
            }
        }
        return chosen;
    }
}
