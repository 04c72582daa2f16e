package com.liminaltransit.narrative.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a stop's passage from its plan. What came of the last choice always opens it; then, in one of several
 * shapes, the frames of the stop (an arrival and what the station looks like, or the run between stations, a
 * little weather), reminders of what the ride has changed, and the scene. Frames are often left out; a reminder is
 * never left out once a consequence is due. No sentence the ride has read is written again. Optional sentences are
 * kept only while the passage stays within {@link #MAX_WORDS}, so it reads in a minute on a phone.
 */
final class PassageWriter {

    /** Shortest passage the writer aims for. */
    static final int MIN_WORDS = 60;
    /** Longest passage the writer allows. */
    static final int MAX_WORDS = 160;

    private static final String PARAGRAPH = "\n\n";
    private static final int WRITE = 3;
    private static final int FOREIGN = 4;
    private static final int AT_STATION = 55;
    private static final int ARRIVAL = 85;
    private static final int SIGHT = 55;
    private static final int BETWEEN = 35;
    private static final int ATMOSPHERE = 30;
    private static final int REMINDER = 35;
    private static final int MAX_REMINDERS = 2;

    private final Prose prose;

    PassageWriter(Prose prose) {
        this.prose = prose;
    }

    /**
     * A written passage.
     *
     * @param passage   the text
     * @param body      the text after its opening paragraph (what came of the last choice)
     * @param templates the keys of the templates it filled, so the ride does not fill them again
     */
    record Written(String passage, String body, List<String> templates) {

        Written {
            templates = List.copyOf(templates);
        }

        /** The same passage, having filled these templates too. */
        Written with(List<String> more) {
            List<String> all = new java.util.ArrayList<>(templates);
            all.addAll(more);
            return new Written(passage, body, all);
        }
    }

    /** The boarding passage: how the night begins, what the player wants, the first scene. */
    Written boarding(Ride ride, RideState state, StopPlan plan) {
        Dice dice = Dice.of(ride.seed(), 0, WRITE);
        Fresh fresh = new Fresh(state.sentences());
        fresh.take(plan.setup());
        String want = fresh.pick(ride.thread().wants(), plan.values(), dice).orElse("");
        // The opening takes what room the thread and the scene leave: one that fits, or the shortest.
        int room = MAX_WORDS - Words.count(want) - Words.count(plan.setup());
        List<String> fitting = prose.openings().stream()
                .filter(t -> Words.count(Template.fill(t, plan.values())) <= room)
                .toList();
        List<String> openings = fitting.isEmpty()
                ? List.of(prose.openings().stream()
                        .min(java.util.Comparator.comparingInt(t -> Words.count(Template.fill(t, plan.values()))))
                        .orElseThrow())
                : fitting;
        String opening = fresh.pick(openings, plan.values(), dice).orElse("");
        List<List<String>> paragraphs = switch (dice.below(3)) {
            case 0 -> List.of(List.of(opening), List.of(want), List.of(plan.setup()));
            case 1 -> List.of(List.of(opening, want), List.of(plan.setup()));
            default -> List.of(List.of(opening), List.of(want, plan.setup()));
        };
        return written(paragraphs).with(fresh.templates());
    }

    /** What came of the last choice: its own outcome, or, for another provider's choice, that choice's label. */
    String outcome(Ride ride, RideState state, StopPlan last, Offer taken, boolean foreign, String label, int stop) {
        Dice dice = Dice.of(ride.seed(), stop, FOREIGN);
        Fresh fresh = new Fresh(state.sentences());
        if (!foreign) {
            return fresh.pick(taken.action().outcomes(), last.values(), dice)
                    .orElseGet(() -> unread(last.fill(taken.action().outcomes().getFirst()), state));
        }
        Optional<String> clean = ForeignLabel.clean(label);
        if (clean.isEmpty()) {
            return fresh.pick(prose.foreignNoLabel(), last.values(), dice)
                    .orElseGet(() -> last.fill(prose.foreignNoLabel().getFirst()));
        }
        Map<String, String> values = new HashMap<>(last.values());
        values.put("label", clean.get());
        return fresh.pick(prose.foreignChoices(), values, dice)
                .orElseGet(() -> Template.fill(prose.foreignChoices().getFirst(), values));
    }

    /** The text without the sentences the ride has already read (all of it, if nothing else would be left). */
    private static String unread(String text, RideState state) {
        List<String> fresh = Sentences.of(text).stream()
                .filter(sentence -> !state.sentences().contains(sentence))
                .toList();
        return fresh.isEmpty() ? text : String.join(" ", fresh);
    }

    /** A passage between the boarding and the end. */
    Written stop(Ride ride, RideState state, StopPlan plan, String outcome) {
        Dice dice = Dice.of(ride.seed(), plan.stop(), WRITE);
        Fresh fresh = new Fresh(state.sentences());
        fresh.take(outcome);
        fresh.take(plan.setup());
        Map<String, String> values = plan.values();
        Scene.Where where = plan.scene().where();
        boolean atStation = where == Scene.Where.STATION || where == Scene.Where.ANY && dice.chance(AT_STATION);
        Station station = plan.bindings().station();
        boolean named = plan.setup().contains(station.name());
        String arrival = null;
        String sight = null;
        String between = null;
        if (atStation && !named && dice.chance(ARRIVAL)) {
            arrival = fresh.pick(prose.arrivals(), values, dice).orElse(null);
        }
        if (arrival != null && dice.chance(SIGHT)) {
            sight = fresh.pick(station.sights(), values, dice).orElse(null);
        }
        if (!atStation && dice.chance(BETWEEN)) {
            between = fresh.pick(prose.betweens(), values, dice).orElse(null);
        }
        String atmosphere = dice.chance(ATMOSPHERE)
                ? fresh.pickSparing(prose.atmospheres(), values, dice).orElse(null)
                : null;
        String around = String.join(" ", nonNull(plan.setup(), arrival, sight, between));
        Reminders reminders = new Reminders(ride, state, plan, dice, fresh, around);

        int shape = dice.below(3);
        for (int attempt = 0; ; attempt++) {
            List<String> frame = nonNull(arrival, sight, between);
            List<List<String>> paragraphs = new ArrayList<>();
            switch (shape) {
                case 0 -> {
                    paragraphs.add(List.of(outcome));
                    List<String> middle = new ArrayList<>(frame);
                    middle.addAll(nonNull(atmosphere));
                    middle.addAll(reminders.all());
                    paragraphs.add(middle);
                    paragraphs.add(List.of(plan.setup()));
                }
                case 1 -> {
                    List<String> first = new ArrayList<>(List.of(outcome));
                    first.addAll(reminders.optional());
                    paragraphs.add(first);
                    List<String> second = new ArrayList<>(frame);
                    second.addAll(nonNull(atmosphere));
                    second.addAll(reminders.owed());
                    second.add(plan.setup());
                    paragraphs.add(second);
                }
                default -> {
                    List<String> first = new ArrayList<>(List.of(outcome));
                    first.addAll(nonNull(atmosphere));
                    paragraphs.add(first);
                    List<String> second = new ArrayList<>(frame);
                    second.addAll(reminders.all());
                    second.add(plan.setup());
                    paragraphs.add(second);
                }
            }
            Written written = written(paragraphs).with(used(fresh));
            int words = Words.count(written.passage());
            if (words < MIN_WORDS && attempt <= 4) {
                // Too short: the stop has room for the weather, the station, or a reminder after all.
                if (atmosphere == null) {
                    atmosphere =
                            fresh.pickSparing(prose.atmospheres(), values, dice).orElse(null);
                }
                if (arrival != null && sight == null) {
                    sight = fresh.pick(station.sights(), values, dice).orElse(null);
                } else if (!atStation && between == null) {
                    between = fresh.pick(prose.betweens(), values, dice).orElse(null);
                }
                if (reminders.all().isEmpty()) {
                    reminders.addGeneral();
                }
                attempt = 4;
                continue;
            }
            if (words <= MAX_WORDS || attempt > 4) {
                return written;
            }
            // Too long: leave out what the stop can do without, least needed first.
            if (atmosphere != null) {
                atmosphere = null;
            } else if (sight != null) {
                sight = null;
            } else if (reminders.dropOptional()) {
                continue;
            } else if (between != null) {
                between = null;
            } else {
                arrival = null;
            }
        }
    }

    /** The last passage: what the last choice led to, what became of the thread, and how the night closes. */
    Written ending(Ride ride, RideState state, Ending ending, int stop, String outcome) {
        Dice dice = Dice.of(ride.seed(), stop, WRITE);
        Fresh fresh = new Fresh(state.sentences());
        fresh.take(outcome);
        Map<String, String> values =
                Placeholders.of(ride, state, new Bindings(ride.stationAt(stop), null, null, null, null), stop, prose);
        Prose.EndingText text = prose.endings().get(ending);
        String terminus = text.atTerminus() && dice.chance(60)
                ? fresh.pick(prose.terminusArrivals(), values, dice).orElse(null)
                : null;
        String body = fresh.pick(text.bodies(), values, dice).orElse(null);
        String resolution = fresh.pick(ride.thread().resolutions(threadKey(state)), values, dice)
                .orElse(null);
        // An item taken lately is still owed a mention: it is the one the ending says goodbye to.
        String owed = state.due().stream()
                .filter(d -> d.kind().equals("item") && state.items().contains(d.target()))
                .map(RideState.Due::target)
                .findFirst()
                .orElse(null);
        String farewell = null;
        if (owed != null || !state.items().isEmpty() && dice.chance(70)) {
            Item kept = ride.item(owed != null ? owed : state.items().getFirst());
            farewell = fresh.pick(kept.farewells(), values, dice).orElse(null);
        }
        // A consequence still owed a mention is what the ending remembers; otherwise, now and then, something else.
        String callback = null;
        for (RideState.Due due : state.due()) {
            String kind = switch (due.kind()) {
                case "slighted", "companion", "given" -> due.kind();
                case "ticket" -> "noticket";
                default -> null;
            };
            if (kind == null || kind.equals("companion") && ending == Ending.TOGETHER) {
                continue;
            }
            Map<String, String> owedValues = new HashMap<>(values);
            if (kind.equals("given")) {
                owedValues.put("given", ride.item(due.target()).shortName());
            }
            callback = fresh.pick(prose.endingCallbacks(kind), owedValues, dice).orElse(null);
            if (callback != null) {
                break;
            }
        }
        boolean owedCallback = callback != null;
        List<String> kinds = new ArrayList<>();
        if (state.slighted() != null) {
            kinds.add("slighted");
        }
        if (state.counted(stop) >= 2) {
            kinds.add("counting");
        }
        if (!state.gone().isEmpty()) {
            kinds.add("gone");
        }
        if (state.firstDeed() != null) {
            kinds.add("firstdeed");
        }
        if (callback == null && !kinds.isEmpty() && dice.chance(50)) {
            callback = fresh.pick(prose.endingCallbacks(dice.pick(kinds)), values, dice)
                    .orElse(null);
        }
        String closer = fresh.pick(text.closers(), values, dice).orElse(null);
        for (int attempt = 0; ; attempt++) {
            List<List<String>> paragraphs =
                    List.of(List.of(outcome), nonNull(terminus, body), nonNull(resolution, farewell, callback, closer));
            Written written = written(paragraphs);
            if (Words.count(written.passage()) <= MAX_WORDS || attempt > 3) {
                return written.with(used(fresh));
            }
            // What the thread came to is never left out: the ending answers it.
            if (callback != null && !owedCallback) {
                callback = null;
            } else if (farewell != null && owed == null) {
                farewell = null;
            } else {
                terminus = null;
            }
        }
    }

    /** The templates this passage picked; one left out for length is spent too, which costs only a variant. */
    private static List<String> used(Fresh fresh) {
        return fresh.templates();
    }

    /** Where the thread stands, as the bank keys its sentences. */
    static String threadKey(RideState state) {
        if (state.threadFound()) {
            return "found";
        }
        if (state.threadLost()) {
            return "lost";
        }
        return "open";
    }

    /** The reminders of one stop: the consequences that are due, and perhaps one more of the ride's state. */
    private final class Reminders {
        private final List<String> owed = new ArrayList<>();
        private final List<String> optional = new ArrayList<>();
        private final Ride ride;
        private final RideState state;
        private final StopPlan plan;
        private final Dice dice;
        private final Fresh fresh;

        Reminders(Ride ride, RideState state, StopPlan plan, Dice dice, Fresh fresh, String around) {
            // What the stop already names: its scene and frames, then each reminder as it is added (two
            // consequences that name the same person or thread are met by one sentence, not two).
            StringBuilder named = new StringBuilder(around.toLowerCase(Locale.ROOT));
            int stop = plan.stop();
            for (RideState.Due due : state.due()) {
                String name = name(ride, state, due);
                if (name == null || named.indexOf(name.toLowerCase(Locale.ROOT)) >= 0) {
                    continue;
                }
                int age = stop - due.from();
                boolean must = age >= RideState.DEADLINE;
                boolean want = must || age == 2 && dice.chance(70) || age == 1 && dice.chance(REMINDER);
                if (!want || owed.size() >= MAX_REMINDERS) {
                    continue;
                }
                reminder(ride, state, plan, due.kind(), due.target(), dice, fresh)
                        .ifPresent(text -> {
                            owed.add(text);
                            named.append(' ').append(text.toLowerCase(Locale.ROOT));
                        });
            }
            this.ride = ride;
            this.state = state;
            this.plan = plan;
            this.dice = dice;
            this.fresh = fresh;
            if (owed.isEmpty() && dice.chance(REMINDER)) {
                addGeneral();
            }
        }

        /** Adds one general reminder, if there is one to add. */
        void addGeneral() {
            general(ride, state, plan, dice, fresh).ifPresent(optional::add);
        }

        List<String> owed() {
            return owed;
        }

        List<String> optional() {
            return optional;
        }

        List<String> all() {
            List<String> all = new ArrayList<>(owed);
            all.addAll(optional);
            return all;
        }

        boolean dropOptional() {
            if (optional.isEmpty()) {
                return false;
            }
            optional.clear();
            return true;
        }
    }

    /** How a due consequence is named in text, or {@code null} when nobody can be named any more. */
    static String name(Ride ride, RideState state, RideState.Due due) {
        return switch (due.kind()) {
            case "item", "given" -> ride.item(due.target()).shortName();
            case "companion", "slighted" ->
                state.gone().contains(due.target())
                        ? null
                        : ride.passenger(due.target()).shortName();
            case "ticket" -> "ticket";
            case "thread" -> ride.thread().sought();
            default -> null;
        };
    }

    private Optional<String> reminder(
            Ride ride, RideState state, StopPlan plan, String kind, String target, Dice dice, Fresh fresh) {
        Map<String, String> values = new HashMap<>(plan.values());
        return switch (kind) {
            case "item" -> fresh.pick(ride.item(target).mentions(), values, dice);
            case "given" -> {
                values.put("given", ride.item(target).shortName());
                yield fresh.pick(prose.callbacks("given"), values, dice);
            }
            case "companion" -> {
                if (!target.equals(state.companion())) {
                    yield Optional.empty();
                }
                yield fresh.pick(prose.callbacks("companion"), values, dice);
            }
            case "slighted" -> {
                values.put("slighted", ride.passenger(target).shortName());
                yield fresh.pick(
                        target.equals(state.companion()) ? prose.callbacks("companion") : prose.callbacks("slighted"),
                        values,
                        dice);
            }
            case "ticket" -> fresh.pick(prose.callbacks("noticket"), values, dice);
            case "thread" -> threadReminder(ride, state, values, dice, fresh);
            default -> Optional.empty();
        };
    }

    /** One reminder of the ride's state that the scene is not already about. */
    private Optional<String> general(Ride ride, RideState state, StopPlan plan, Dice dice, Fresh fresh) {
        Scene scene = plan.scene();
        List<List<String>> candidates = new ArrayList<>();
        Bindings bindings = plan.bindings();
        if (bindings.carried() != null && !scene.needs().contains(Need.ITEMS)) {
            candidates.add(bindings.carried().mentions());
        }
        if (state.companion() != null && !scene.needs().contains(Need.COMPANION)) {
            candidates.add(prose.callbacks("companion"));
        }
        if (state.slighted() != null && !scene.needs().contains(Need.SLIGHTED)) {
            candidates.add(prose.callbacks("slighted"));
        }
        if (state.counted(plan.stop()) >= 2 && scene.where() != Scene.Where.BETWEEN) {
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
        boolean thread = scene.kind() != Scene.Kind.BEAT && dice.below(candidates.size() + 1) == 0;
        if (thread || candidates.isEmpty()) {
            Optional<String> text = threadReminder(ride, state, plan.values(), dice, fresh);
            if (text.isPresent() || candidates.isEmpty()) {
                return text;
            }
        }
        for (List<String> pool : dice.shuffled(candidates)) {
            Optional<String> text = fresh.pick(pool, plan.values(), dice);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    /** A reminder of the thread where it stands; while it is open, one of another stage will do when these are read. */
    private static Optional<String> threadReminder(
            Ride ride, RideState state, Map<String, String> values, Dice dice, Fresh fresh) {
        String key = threadReminderKey(state);
        Optional<String> text = fresh.pick(ride.thread().reminders(key), values, dice);
        if (text.isPresent() || !state.threadOpen()) {
            return text;
        }
        for (int level = Math.min(RideState.READY, state.threadProgress()) - 1; level >= 0; level--) {
            text = fresh.pick(ride.thread().reminders(Integer.toString(level)), values, dice);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    /** Where the thread stands, as the bank keys its reminders. */
    static String threadReminderKey(RideState state) {
        if (state.threadFound()) {
            return "found";
        }
        if (state.threadLost()) {
            return "lost";
        }
        return Integer.toString(Math.min(RideState.READY, state.threadProgress()));
    }

    private static Written written(List<List<String>> paragraphs) {
        List<String> texts = new ArrayList<>();
        for (List<String> paragraph : paragraphs) {
            List<String> sentences =
                    paragraph.stream().filter(s -> s != null && !s.isBlank()).toList();
            if (!sentences.isEmpty()) {
                texts.add(String.join(" ", sentences));
            }
        }
        String passage = String.join(PARAGRAPH, texts);
        String body = texts.size() > 1 ? String.join(PARAGRAPH, texts.subList(1, texts.size())) : "";
        return new Written(passage, body, List.of());
    }

    private static List<String> nonNull(String... texts) {
        List<String> present = new ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                present.add(text);
            }
        }
        return present;
    }
}
