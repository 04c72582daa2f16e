package com.liminaltransit.narrative.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a stop's passage from its plan: what came of the last choice, the arrival, a little weather, a reminder
 * of what the player carries or did, and the scene. Optional sentences are added only while the passage stays
 * within {@link #MAX_WORDS}, so it reads in a minute on a phone.
 */
final class PassageWriter {

    /** Shortest passage the writer aims for. */
    static final int MIN_WORDS = 60;
    /** Longest passage the writer allows. */
    static final int MAX_WORDS = 160;

    private static final String PARAGRAPH = "\n\n";
    private static final int WRITE = 3;
    private static final int FOREIGN = 4;
    private static final int ATMOSPHERE = 70;
    private static final int CALLBACK = 75;

    private final Prose prose;

    PassageWriter(Prose prose) {
        this.prose = prose;
    }

    /** The boarding passage. */
    String opening(Ride ride, StopPlan plan) {
        Dice dice = Dice.of(ride.seed(), 0, WRITE);
        return plan.fill(dice.pick(prose.openings())) + PARAGRAPH + plan.fill(plan.setup());
    }

    /** What came of the last choice: its own outcome, or, for another provider's choice, that choice's label. */
    String outcome(Replay replay, int stop, String foreignLabel) {
        if (!replay.lastForeign()) {
            return replay.lastPlan().fill(replay.lastOffer().action().outcome());
        }
        Dice dice = Dice.of(replay.ride().seed(), stop, FOREIGN);
        Optional<String> label = ForeignLabel.clean(foreignLabel);
        if (label.isEmpty()) {
            return replay.lastPlan().fill(dice.pick(prose.foreignNoLabel()));
        }
        Map<String, String> values = new HashMap<>(replay.lastPlan().values());
        values.put("label", label.get());
        return Template.fill(dice.pick(prose.foreignChoices()), values);
    }

    /** A passage between boarding and the end. */
    String stop(Ride ride, RideState state, StopPlan plan, String outcome) {
        Dice dice = Dice.of(ride.seed(), plan.stop(), WRITE);
        String arrival = plan.fill(dice.pick(prose.arrivals()));
        String atmosphere = plan.fill(dice.pick(prose.atmospheres()));
        Optional<String> callback = callback(ride, state, plan, dice).map(plan::fill);
        boolean wantAtmosphere = dice.chance(ATMOSPHERE);
        boolean wantCallback = dice.chance(CALLBACK);
        String setup = plan.fill(plan.setup());

        Budget budget = new Budget(outcome, arrival, setup);
        boolean withAtmosphere = budget.fits(atmosphere, wantAtmosphere);
        boolean withCallback = callback.isPresent() && budget.fits(callback.get(), wantCallback);
        if (!withAtmosphere) {
            // Still short after the reminder: the weather after all.
            withAtmosphere = budget.fits(atmosphere, false);
        }
        List<String> body = new ArrayList<>();
        body.add(arrival);
        if (withAtmosphere) {
            body.add(atmosphere);
        }
        if (withCallback) {
            body.add(callback.get());
        }
        body.add(setup);
        return outcome + PARAGRAPH + String.join(" ", body);
    }

    /** The last passage: how the ride ends, and what the player still carries from it. */
    String ending(Ride ride, RideState state, Ending ending, int stop, String outcome) {
        Dice dice = Dice.of(ride.seed(), stop, WRITE);
        Map<String, String> values =
                Placeholders.of(ride, state, new Bindings(ride.stationAt(stop), null, null, null), stop);
        List<String> body = new ArrayList<>();
        if (!state.leaving()) {
            body.add(Template.fill(dice.pick(prose.terminusArrivals()), values));
        }
        body.add(Template.fill(dice.pick(prose.endings().get(ending)), values));
        Budget budget = new Budget(outcome, String.join(" ", body));
        if (!state.items().isEmpty()) {
            // The thing carried longest: the one the player has had the whole ride to grow attached to.
            String farewell = Template.fill(ride.item(state.items().getFirst()).farewell(), values);
            if (budget.fits(farewell, true)) {
                body.add(farewell);
            }
        }
        // The ending remembers how the night began, so rides that parted at their first choice end differently.
        List<String> firstDeed = prose.endingCallbacks("firstdeed");
        if (state.firstDeed() != null && !firstDeed.isEmpty()) {
            String line = Template.fill(dice.pick(firstDeed), values);
            if (budget.fits(line, true)) {
                body.add(line);
            }
        }
        List<String> kinds = new ArrayList<>();
        if (state.counted(stop) >= 2) {
            kinds.add("counting");
        }
        if (state.slighted() != null) {
            kinds.add("slighted");
        }
        if (!kinds.isEmpty()) {
            List<String> lines = prose.endingCallbacks(dice.pick(kinds));
            if (!lines.isEmpty()) {
                String last = Template.fill(dice.pick(lines), values);
                if (budget.fits(last, true)) {
                    body.add(last);
                }
            }
        }
        return outcome + PARAGRAPH + String.join(" ", body);
    }

    /** One reminder of the ride's state, chosen among those that apply and are not what the scene is about. */
    private Optional<String> callback(Ride ride, RideState state, StopPlan plan, Dice dice) {
        List<List<String>> candidates = new ArrayList<>();
        Bindings bindings = plan.bindings();
        if (bindings.carried() != null && !plan.scene().needs().contains(Need.ITEMS)) {
            candidates.add(bindings.carried().mentions());
        }
        if (state.companion() != null && !plan.scene().needs().contains(Need.COMPANION)) {
            candidates.add(prose.callbacks("companion"));
        }
        if (state.slighted() != null && !plan.scene().needs().contains(Need.SLIGHTED)) {
            candidates.add(prose.callbacks("slighted"));
        }
        if (state.counted(plan.stop()) >= 2) {
            candidates.add(prose.callbacks("counting"));
        }
        if (!state.ticket()) {
            candidates.add(prose.callbacks("noticket"));
        }
        if (state.memory() <= 0) {
            candidates.add(prose.callbacks("forgetting"));
        } else if (state.memory() >= 3) {
            candidates.add(prose.callbacks("remembering"));
        }
        if (state.front() >= 1) {
            candidates.add(prose.callbacks("front"));
        } else if (state.front() <= -1) {
            candidates.add(prose.callbacks("back"));
        }
        candidates.removeIf(List::isEmpty);
        return candidates.isEmpty() ? Optional.empty() : Optional.of(dice.pick(dice.pick(candidates)));
    }

    /** Counts the words of a passage as it is put together. */
    private static final class Budget {

        private int words;

        Budget(String... parts) {
            for (String part : parts) {
                words += Words.count(part);
            }
        }

        /** Takes the sentence if it is wanted (or the passage is still short) and it fits. */
        boolean fits(String sentence, boolean wanted) {
            int more = Words.count(sentence);
            if ((wanted || words < MIN_WORDS) && words + more <= MAX_WORDS) {
                words += more;
                return true;
            }
            return false;
        }
    }
}
