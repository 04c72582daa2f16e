package com.liminaltransit.narrative.offline;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.StoryContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline storyteller: walks a ride from its seed along its path, writing every stop (so it knows every sentence
 * and label the ride has read), and returns the stop asked for. It keeps no state between calls, so the same seed,
 * path, bank and "seen" memory always give the same narrative.
 */
final class Storyteller {

    /** Walks remembered: enough for some hundreds of rides being played at once. */
    private static final int CHECKPOINTS = 4_096;

    private final ContentBank bank;
    private final StopPlanner planner;
    private final PassageWriter writer;
    private final SummaryWriter summaries;
    /** The last walks' checkpoints, so writing stop n of a ride does not walk stops 0 to n-1 again. */
    private final Map<CheckpointKey, Checkpoint> checkpoints =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<CheckpointKey, Checkpoint> eldest) {
                    return size() > CHECKPOINTS;
                }
            });

    Storyteller(ContentBank bank) {
        this.bank = bank;
        this.planner = new StopPlanner(bank);
        this.writer = new PassageWriter(bank.prose());
        this.summaries = new SummaryWriter(bank.prose());
    }

    /**
     * A stop as written.
     *
     * @param stop    its index
     * @param plan    its plan, or {@code null} at an ending
     * @param passage what the player reads
     * @param ending  how the ride ends here, or {@code null}
     * @param state   the ride's state when it was written
     */
    record Step(int stop, StopPlan plan, String passage, Ending ending, RideState state) {}

    /**
     * A ride walked.
     *
     * @param ride  what its seed fixed
     * @param steps the stops written, in order
     */
    record Walk(Ride ride, List<Step> steps) {
        Step last() {
            return steps.getLast();
        }
    }

    /**
     * What {@link #tell} wrote.
     *
     * @param narrative the stop
     * @param seen      what the player has now read that a seen memory keeps
     */
    record Told(Narrative narrative, List<String> seen) {}

    /** Writes the stop the context asks for; reads its seed, stop, path, content plan and the last choice's label. */
    Told tell(StoryContext context) {
        int stop = context.stop();
        if (stop < 0) {
            throw new IllegalArgumentException("stop must not be negative: " + stop);
        }
        Walk walk = walk(
                context.seed(),
                context.path(),
                stop,
                new HashSet<>(context.content().seen()),
                foreignLabel(context));
        Step last = walk.last();
        Ride ride = walk.ride();
        if (last.ending() != null) {
            return new Told(
                    new Narrative(
                            last.passage(),
                            List.of(),
                            true,
                            summaries.write(ride, last.state(), last.stop(), last.ending())),
                    List.of());
        }
        List<ChoiceOption> choices = last.plan().offers().stream()
                .map(o -> new ChoiceOption(o.id(), o.label()))
                .toList();
        List<String> seen = new ArrayList<>();
        if (last.stop() == 0) {
            seen.add("thread:" + ride.thread().id());
        }
        seen.add(last.plan().scene().id());
        return new Told(
                new Narrative(last.passage(), choices, false, summaries.write(ride, last.state(), last.stop(), null)),
                seen);
    }

    /**
     * Walks the ride from its seed along the path up to stop {@code upTo} (or its ending, if that comes first). A
     * missing id counts as an unknown one, so a context whose path is shorter than its stop still gets a ride.
     *
     * @param lastLabel the label of the choice before {@code upTo} when another provider offered it, or {@code null}
     */
    Walk walk(long seed, List<String> path, int upTo, Set<String> seen, String lastLabel) {
        Set<String> memory = Set.copyOf(seen);
        Checkpoint at = resume(seed, path, upTo, memory);
        Ride ride = at.ride();
        RideState state = at.state();
        List<Step> steps = new ArrayList<>(at.steps());
        StopPlan last = at.last();
        Offer taken = at.taken();
        boolean foreign = at.foreign();
        for (int k = at.next(); k <= upTo; k++) {
            String label = k == upTo ? lastLabel : null;
            if (state.endsAt(k)) {
                Ending ending = Ending.of(state);
                String outcome = writer.outcome(ride, state, last, taken, foreign, label, k);
                PassageWriter.Written written = writer.ending(ride, state, ending, k, outcome);
                steps.add(new Step(k, null, written.passage(), ending, state));
                break;
            }
            StopPlan plan = planner.plan(ride, state, k);
            PassageWriter.Written written = k == 0
                    ? writer.boarding(ride, state, plan)
                    : writer.stop(ride, state, plan, writer.outcome(ride, state, last, taken, foreign, label, k));
            steps.add(new Step(k, plan, written.passage(), null, state));
            if (k == upTo) {
                break;
            }
            RideState read = state;
            List<String> spent = new ArrayList<>(Sentences.of(written.passage()));
            spent.addAll(written.templates());
            state = state.written(
                    k,
                    spent,
                    written.body(),
                    plan.offers().stream().map(Offer::label).toList(),
                    due -> PassageWriter.name(ride, read, due));
            String id = k < path.size() ? path.get(k) : "";
            foreign = plan.offer(id).isEmpty();
            taken = plan.resolve(id);
            state = state.after(plan, taken, plan.fill(taken.action().deed()));
            last = plan;
            // What the next call of this ride will start from (one step of a ride at a time, as players play).
            remember(new Checkpoint(
                    new CheckpointKey(seed, memory, List.copyOf(pathOf(path, k + 1))),
                    ride,
                    state,
                    List.copyOf(steps),
                    last,
                    taken,
                    foreign,
                    k + 1));
        }
        return new Walk(ride, steps);
    }

    /**
     * Where a walk can start: the furthest remembered point of this ride along this path, or its boarding. A
     * checkpoint holds nothing a label of another provider could change, so resuming gives what walking from the
     * start gives.
     */
    private Checkpoint resume(long seed, List<String> path, int upTo, Set<String> memory) {
        for (int k = Math.min(upTo, path.size()); k > 0; k--) {
            Checkpoint known = checkpoints.get(new CheckpointKey(seed, memory, pathOf(path, k)));
            if (known != null) {
                return known;
            }
        }
        Ride ride = Ride.board(seed, bank, memory);
        return new Checkpoint(null, ride, RideState.boarding(ride), List.of(), null, null, false, 0);
    }

    private void remember(Checkpoint checkpoint) {
        checkpoints.put(checkpoint.key(), checkpoint);
    }

    private static List<String> pathOf(List<String> path, int length) {
        List<String> prefix = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            prefix.add(i < path.size() ? path.get(i) : "");
        }
        return prefix;
    }

    /** A ride, seen memory and the choices made so far: what decides everything a walk has done up to there. */
    private record CheckpointKey(long seed, Set<String> seen, List<String> path) {}

    /** A walk stopped after a choice, to go on from. */
    private record Checkpoint(
            CheckpointKey key,
            Ride ride,
            RideState state,
            List<Step> steps,
            StopPlan last,
            Offer taken,
            boolean foreign,
            int next) {}

    /** The ride a seed lays out for a player who has read nothing. */
    Ride ride(long seed) {
        return Ride.board(seed, bank, Set.of());
    }

    /** The ride's state after the choices of this path (for a player who has read nothing). */
    RideState stateAfter(long seed, List<String> path) {
        return walk(seed, path, path.size(), Set.of(), null).last().state();
    }

    /** The plan of the last stop of this path, or {@code null} when the path ends the ride. */
    StopPlan planAt(long seed, List<String> path) {
        return walk(seed, path, path.size(), Set.of(), null).last().plan();
    }

    /** The ending the path reaches, or {@code null} when the ride goes on after it. */
    Ending endingOf(long seed, List<String> path) {
        return walk(seed, path, path.size(), Set.of(), null).last().ending();
    }

    /** What the storyteller did at each stop of this path, for the randomtest. */
    RideTrace trace(long seed, List<String> path, Set<String> seen) {
        Walk walk = walk(seed, path, path.size(), seen, null);
        List<RideTrace.StopTrace> stops = new ArrayList<>();
        Ride ride = walk.ride();
        for (Step step : walk.steps()) {
            List<String> gone = step.state().gone().stream()
                    .map(id -> ride.passenger(id).shortName())
                    .toList();
            if (step.plan() == null) {
                stops.add(new RideTrace.StopTrace(step.stop(), null, null, List.of(), null, gone, false));
                continue;
            }
            StopPlan plan = step.plan();
            String chosen = step.stop() < path.size() ? path.get(step.stop()) : null;
            List<RideTrace.OfferTrace> offers =
                    plan.offers().stream().map(o -> offerTrace(o, plan, ride)).toList();
            boolean prepares = plan.scene().kind() == Scene.Kind.APPROACH
                    || chosen != null && plan.resolve(chosen).action().effects().ends();
            stops.add(new RideTrace.StopTrace(
                    step.stop(), plan.scene().id(), plan.encounterWith(), offers, chosen, gone, prepares));
        }
        Step last = walk.last();
        return new RideTrace(
                stops,
                ride.thread().id(),
                last.ending() == null ? null : last.ending().key());
    }

    private static RideTrace.OfferTrace offerTrace(Offer offer, StopPlan plan, Ride ride) {
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
        } else if (effects.thread() != 0 || effects.find() || effects.lose()) {
            kind = "thread";
            target = ride.thread().sought();
        } else if (effects.ends()) {
            kind = "ending";
        }
        return new RideTrace.OfferTrace(offer.id(), offer.label(), offer.generic(), kind, target);
    }

    /** What the bank holds: scenes, the people a player may meet, endings, threads. */
    RideTrace.Catalogue catalogue() {
        Set<String> people = new LinkedHashSet<>(
                bank.passengers().stream().map(Passenger::shortName).toList());
        bank.scenes().stream()
                .map(Scene::encounter)
                .filter(java.util.Objects::nonNull)
                .forEach(people::add);
        return new RideTrace.Catalogue(
                bank.scenes().stream().map(Scene::id).toList(),
                List.copyOf(people),
                Arrays.stream(Ending.values()).map(Ending::key).toList(),
                bank.threads().stream().map(StoryThread::id).toList());
    }

    /** The bank's frame sentences: arrivals, the run between stations, weather, the terminus. */
    FrameSentences frames() {
        List<String> templates = new ArrayList<>(bank.prose().arrivals());
        templates.addAll(bank.prose().betweens());
        templates.addAll(bank.prose().atmospheres());
        templates.addAll(bank.prose().terminusArrivals());
        return new FrameSentences(templates);
    }

    /** The label of the last choice, used only when another provider offered it. */
    private static String foreignLabel(StoryContext context) {
        ChoiceOption choice = context.choice();
        if (choice == null
                || context.stop() == 0
                || context.path().size() < context.stop()
                || !context.path().get(context.stop() - 1).equals(choice.id())) {
            return null;
        }
        return choice.label();
    }
}
