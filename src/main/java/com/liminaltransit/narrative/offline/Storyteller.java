package com.liminaltransit.narrative.offline;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.StoryContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline storyteller: rebuilds a ride from its seed and path, then writes the stop asked for. It keeps no
 * state between calls, so the same seed and path always give the same narrative.
 */
final class Storyteller {

    private final ContentBank bank;
    private final StopPlanner planner;
    private final PassageWriter writer;
    private final SummaryWriter summaries;

    Storyteller(ContentBank bank) {
        this.bank = bank;
        this.planner = new StopPlanner(bank);
        this.writer = new PassageWriter(bank.prose());
        this.summaries = new SummaryWriter(bank.prose());
    }

    /** Writes the stop the context asks for; reads only its seed, stop, path and the last choice's label. */
    Narrative tell(StoryContext context) {
        int stop = context.stop();
        if (stop < 0) {
            throw new IllegalArgumentException("stop must not be negative: " + stop);
        }
        Replay replay = replay(context.seed(), context.path(), stop);
        Ride ride = replay.ride();
        RideState state = replay.state();
        if (stop == 0) {
            StopPlan plan = planner.plan(ride, state, 0);
            return new Narrative(
                    writer.opening(ride, plan), choices(plan), false, summaries.write(ride, state, 0, null));
        }
        String outcome = writer.outcome(replay, stop, foreignLabel(context, replay));
        if (state.endsAt(stop)) {
            Ending ending = Ending.of(state);
            return new Narrative(
                    writer.ending(ride, state, ending, stop, outcome),
                    List.of(),
                    true,
                    summaries.write(ride, state, stop, ending));
        }
        StopPlan plan = planner.plan(ride, state, stop);
        return new Narrative(
                writer.stop(ride, state, plan, outcome),
                choices(plan),
                false,
                summaries.write(ride, state, stop, null));
    }

    /**
     * Replays the path from the seed up to (not including) the stop. A missing id counts as an unknown one, so a
     * context whose path is shorter than its stop still gets a ride.
     */
    Replay replay(long seed, List<String> path, int stop) {
        Ride ride = Ride.board(seed, bank);
        RideState state = RideState.boarding(ride);
        StopPlan plan = null;
        Offer offer = null;
        boolean foreign = false;
        for (int k = 0; k < stop; k++) {
            plan = planner.plan(ride, state, k);
            String id = k < path.size() ? path.get(k) : "";
            foreign = plan.offer(id).isEmpty();
            offer = plan.resolve(id);
            state = state.after(plan, offer, plan.fill(offer.action().deed()));
        }
        return new Replay(ride, state, plan, offer, foreign);
    }

    /** What the storyteller did at each stop of this path, for the randomtest. */
    RideTrace trace(long seed, List<String> path) {
        Ride ride = Ride.board(seed, bank);
        RideState state = RideState.boarding(ride);
        List<RideTrace.StopTrace> stops = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (int k = 0; k <= path.size(); k++) {
            if (k > 0 && state.endsAt(k)) {
                stops.add(new RideTrace.StopTrace(k, null, null, List.of(), null, List.copyOf(gone), false));
                return new RideTrace(stops, null, Ending.of(state).key());
            }
            StopPlan plan = planner.plan(ride, state, k);
            String id = k < path.size() ? path.get(k) : null;
            Bindings bindings = plan.bindings();
            String with = bindings.passenger() != null
                    ? bindings.passenger().shortName()
                    : "porter".equals(plan.scene().id()) ? "the porter" : null;
            List<RideTrace.OfferTrace> offers = new ArrayList<>();
            for (Offer o : plan.offers()) {
                offers.add(offerTrace(o, plan));
            }
            stops.add(new RideTrace.StopTrace(k, plan.scene().id(), with, offers, id, List.copyOf(gone), false));
            if (id == null) {
                break;
            }
            Offer offer = plan.resolve(id);
            if (offer.action().effects().part() && state.companion() != null) {
                gone.add(ride.passenger(state.companion()).shortName());
            }
            state = state.after(plan, offer, plan.fill(offer.action().deed()));
        }
        return new RideTrace(stops, null, null);
    }

    private RideTrace.OfferTrace offerTrace(Offer offer, StopPlan plan) {
        Effects effects = offer.action().effects();
        Bindings bindings = plan.bindings();
        String kind = null;
        String target = null;
        if (effects.take() && bindings.item() != null) {
            kind = "item";
            target = bindings.item().shortName();
        } else if (effects.give() && bindings.carried() != null) {
            kind = "item";
            target = bindings.carried().shortName();
        } else if (effects.befriend() && bindings.passenger() != null) {
            kind = "companion";
            target = bindings.passenger().shortName();
        } else if (effects.offend() && bindings.passenger() != null) {
            kind = "slighted";
            target = bindings.passenger().shortName();
        } else if (effects.loseTicket()) {
            kind = "ticket";
            target = "ticket";
        }
        return new RideTrace.OfferTrace(offer.id(), offer.label(), bank.moves().contains(offer.action()), kind, target);
    }

    /** What the bank holds: scenes, the people a player may meet, endings. */
    RideTrace.Catalogue catalogue() {
        List<String> scenes = new ArrayList<>();
        bank.boarding().forEach(s -> scenes.add(s.id()));
        bank.scenes().forEach(s -> scenes.add(s.id()));
        List<String> people = new ArrayList<>(
                bank.passengers().stream().map(Passenger::shortName).toList());
        return new RideTrace.Catalogue(
                scenes,
                people,
                java.util.Arrays.stream(Ending.values()).map(Ending::key).toList(),
                List.of());
    }

    /** The bank's frame sentences: arrivals, weather between stations, the terminus. */
    Frames frames() {
        List<String> templates = new ArrayList<>(bank.prose().arrivals());
        templates.addAll(bank.prose().atmospheres());
        templates.addAll(bank.prose().terminusArrivals());
        return new Frames(templates);
    }

    /** The label of the last choice, used only when another provider offered it. */
    private static String foreignLabel(StoryContext context, Replay replay) {
        ChoiceOption choice = context.choice();
        if (!replay.lastForeign()
                || choice == null
                || context.path().size() < context.stop()
                || !context.path().get(context.stop() - 1).equals(choice.id())) {
            return null;
        }
        return choice.label();
    }

    private static List<ChoiceOption> choices(StopPlan plan) {
        return plan.offers().stream()
                .map(o -> new ChoiceOption(o.id(), o.label()))
                .toList();
    }
}
