package com.liminaltransit.narrative.offline;

import static com.liminaltransit.narrative.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a content bank from its JSON parts and refuses one with mistakes a writer can make (a misspelt placeholder,
 * a placeholder the scene does not bind, a reused choice id, two actions with the same outcome, a label that says a
 * word twice once filled, a scene without a choice that matters), naming the part and the place of each, so they
 * are found on save or at start-up instead of in a ride.
 */
final class ContentBankLoader {

    private static final Pattern CHOICE_ID = Pattern.compile("[a-z0-9]{1,8}");
    private static final Pattern SCENE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final int MAX_LABEL = 59;

    private static final List<String> WORLD = List.of("lines", "termini", "weathers", "sounds", "lights", "conductors");
    private static final List<String> FRAME_LISTS = List.of(
            "openings", "arrivals", "betweens", "atmospheres", "foreignChoices", "foreignNoLabel", "terminusArrivals");
    private static final Set<String> SECTIONS = Set.of(
            "lines",
            "stations",
            "termini",
            "weathers",
            "sounds",
            "lights",
            "conductors",
            "passengers",
            "items",
            "threads",
            "moves",
            "openings",
            "arrivals",
            "betweens",
            "atmospheres",
            "callbacks",
            "foreignChoices",
            "foreignNoLabel",
            "terminusArrivals",
            "endings",
            "endingCallbacks",
            "summary",
            "numbers");
    /** The summary's pieces the storyteller uses. */
    static final List<String> SUMMARY_KEYS = List.of(
            "boarding",
            "boarded",
            "passedOne",
            "passedMany",
            "recently",
            "counting",
            "notCounting",
            "carry",
            "and",
            "more",
            "ticket",
            "noTicket",
            "companion",
            "slighted",
            "gone",
            "lately",
            "then",
            "forgetful",
            "remembers",
            "front",
            "back",
            "ended");

    private static final Set<String> BASE =
            Set.of("line", "boarding", "station", "weather", "sound", "light", "conductor", "terminus", "sought");
    private static final Set<String> PASSENGER = Set.of("passenger", "pshort", "them", "their", "pdetail");
    private static final Set<String> LABEL_WORDS_ANY_NUMBER = Set.of(
            "with", "from", "into", "that", "your", "their", "them", "then", "than", "this", "what", "when", "where",
            "while", "have", "been", "more", "back", "down", "over", "side");

    private ContentBankLoader() {}

    /**
     * Loads and checks a bank.
     *
     * @throws BankProblems naming every mistake found
     */
    static ContentBank load(BankText text) {
        List<String> problems = new ArrayList<>();
        ContentBank bank = read(text, problems);
        if (problems.isEmpty()) {
            check(bank, problems);
        }
        if (!problems.isEmpty()) {
            throw new BankProblems(problems);
        }
        return bank;
    }

    /** Every mistake in a bank; empty when it can be used. */
    static List<String> problems(BankText text) {
        try {
            load(text);
            return List.of();
        } catch (BankProblems problems) {
            return problems.problems();
        }
    }

    private static ContentBank read(BankText text, List<String> problems) {
        Map<String, BankJson> sections = new LinkedHashMap<>();
        List<BankJson> sceneParts = new ArrayList<>();
        for (Map.Entry<String, String> part : text.parts().entrySet()) {
            String name = part.getKey();
            if (!BankText.PART_NAME.matcher(name).matches()) {
                problems.add(name + ": a part's name is lower-case letters, digits and dashes, ending in .json");
            }
            if (part.getValue().length() > BankText.MAX_PART) {
                problems.add(String.format(
                        Locale.ROOT,
                        "%s: is %,d characters; a part holds at most %,d: move some of it to another part",
                        name,
                        part.getValue().length(),
                        BankText.MAX_PART));
            }
            JsonObject root = parse(name, part.getValue(), problems);
            if (root == null) {
                continue;
            }
            BankJson json = new BankJson(name, root, problems);
            for (String key : json.keys()) {
                if (key.equals("scenes")) {
                    sceneParts.add(json);
                } else if (key.equals("kind")) {
                    if (!json.has("scenes")) {
                        json.problem("\"kind\" belongs to a part that holds \"scenes\"");
                    }
                } else if (!SECTIONS.contains(key)) {
                    json.problem("unknown section \"" + key + "\"");
                } else if (sections.containsKey(key)) {
                    json.problem(
                            "\"" + key + "\" is already in " + sections.get(key).where());
                } else {
                    sections.put(key, json);
                }
            }
        }
        for (String key : SECTIONS) {
            if (!sections.containsKey(key)) {
                problems.add("the bank has no \"" + key + "\" section in any part");
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        List<Scene> scenes = new ArrayList<>();
        for (BankJson part : sceneParts) {
            String kind = part.has("kind") ? part.text("kind") : "stop";
            for (BankJson scene : part.objects("scenes")) {
                scenes.add(scene(scene, kind));
            }
        }
        BankJson frames = sections.get("openings");
        return new ContentBank(
                sections.get("lines").texts("lines", 1),
                sections.get("stations").objects("stations").stream()
                        .map(o -> new Station(o.text("name"), o.texts("sights", 1)))
                        .toList(),
                sections.get("termini").texts("termini", 1),
                sections.get("weathers").texts("weathers", 1),
                sections.get("sounds").texts("sounds", 1),
                sections.get("lights").texts("lights", 1),
                sections.get("conductors").texts("conductors", 1),
                sections.get("passengers").objects("passengers").stream()
                        .map(ContentBankLoader::passenger)
                        .toList(),
                sections.get("items").objects("items").stream()
                        .map(ContentBankLoader::item)
                        .toList(),
                sections.get("threads").objects("threads").stream()
                        .map(ContentBankLoader::thread)
                        .toList(),
                scenes,
                sections.get("moves").objects("moves").stream()
                        .map(ContentBankLoader::action)
                        .toList(),
                prose(sections, frames));
    }

    private static JsonObject parse(String name, String text, List<String> problems) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            problems.add(name + ": not valid JSON at line " + at.getLineNumber() + ", column " + at.getColumnNumber()
                    + ": " + e.getMessage());
        } catch (RuntimeException e) {
            problems.add(name + ": not a JSON object: " + e.getMessage());
        }
        return null;
    }

    private static Passenger passenger(BankJson o) {
        return new Passenger(
                o.text("id"), o.text("name"), o.text("short"), o.text("them"), o.text("their"), o.texts("details", 1));
    }

    private static Item item(BankJson o) {
        return new Item(o.text("id"), o.text("name"), o.text("short"), o.texts("mentions", 2), o.texts("farewells", 1));
    }

    private static StoryThread thread(BankJson o) {
        BankJson reminders = o.object("reminders");
        for (String key : List.of("0", "1", "2", "found", "lost")) {
            reminders.texts(key, 1);
        }
        BankJson resolutions = o.object("resolutions");
        for (String key : List.of("found", "lost", "open")) {
            resolutions.texts(key, 1);
        }
        BankJson summaries = o.object("summaries");
        for (String key : List.of("open", "found", "lost")) {
            summaries.text(key);
        }
        return new StoryThread(
                o.text("id"),
                o.text("sought"),
                o.texts("wants", 1),
                reminders.groups(),
                resolutions.groups(),
                summaries.textFields());
    }

    private static Scene scene(BankJson o, String defaultKind) {
        String kindText = o.has("kind") ? o.text("kind") : defaultKind;
        Scene.Kind kind = null;
        for (Scene.Kind k : Scene.Kind.values()) {
            if (k.key().equals(kindText)) {
                kind = k;
            }
        }
        if (kind == null) {
            o.problem("kind \"" + kindText + "\" is not boarding, stop, beat or approach");
            kind = Scene.Kind.STOP;
        }
        String whereText = o.has("where") ? o.text("where") : "any";
        Scene.Where where = null;
        for (Scene.Where w : Scene.Where.values()) {
            if (w.key().equals(whereText)) {
                where = w;
            }
        }
        if (where == null) {
            o.problem("where \"" + whereText + "\" is not station, between or any");
            where = Scene.Where.ANY;
        }
        List<Action> actions =
                o.objects("actions").stream().map(ContentBankLoader::action).toList();
        return new Scene(
                o.text("id"),
                kind,
                where,
                needs(o),
                o.optionalText("encounter"),
                o.optionalText("thread"),
                o.integer("minStop", 0),
                o.texts("setups", 1),
                actions);
    }

    private static Action action(BankJson o) {
        BankJson e = o.optionalObject("effects");
        Set<String> known = Set.of(
                "take",
                "give",
                "befriend",
                "offend",
                "part",
                "loseTicket",
                "conductor",
                "count",
                "front",
                "memory",
                "extend",
                "thread",
                "find",
                "lose",
                "end");
        for (String key : e.keys()) {
            if (!known.contains(key)) {
                e.problem("unknown effect \"" + key + "\" (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
        Ending end = null;
        if (e.has("end")) {
            String key = e.text("end");
            end = Ending.ofKey(key);
            if (end == null) {
                e.problem("\"end\" names no ending: " + key);
            }
        }
        Effects effects = new Effects(
                e.bool("take"),
                e.bool("give"),
                e.bool("befriend"),
                e.bool("offend"),
                e.bool("part"),
                e.bool("loseTicket"),
                e.bool("conductor"),
                e.bool("count"),
                e.integer("front", 0),
                e.integer("memory", 0),
                e.integer("extend", 0),
                e.integer("thread", 0),
                e.bool("find"),
                e.bool("lose"),
                end);
        return new Action(
                o.text("id"),
                o.textsEither("label", "labels", 1),
                o.textsEither("outcome", "outcomes", 1),
                o.text("deed"),
                effects,
                needs(o),
                o.integer("minStop", 0));
    }

    private static Set<Need> needs(BankJson o) {
        Set<Need> needs = new HashSet<>();
        for (String key : o.texts("needs", 0)) {
            Need need = Need.of(key);
            if (need == null) {
                o.problem("unknown need \"" + key + "\"");
            } else {
                needs.add(need);
            }
        }
        return needs;
    }

    private static Prose prose(Map<String, BankJson> sections, BankJson frames) {
        Map<Ending, Prose.EndingText> endings = new EnumMap<>(Ending.class);
        BankJson endingsJson = sections.get("endings").object("endings");
        for (Ending ending : Ending.values()) {
            BankJson one = endingsJson.object(ending.key());
            String at = one.has("at") ? one.text("at") : "terminus";
            if (!at.equals("terminus") && !at.equals("station")) {
                one.problem("\"at\" is terminus or station, not " + at);
            }
            endings.put(
                    ending,
                    new Prose.EndingText(
                            at.equals("terminus"),
                            one.texts("bodies", 1),
                            one.texts("closers", 1),
                            one.text("summary")));
        }
        for (String key : endingsJson.keys()) {
            if (Ending.ofKey(key) == null) {
                endingsJson.problem("unknown ending \"" + key + "\"");
            }
        }
        BankJson summary = sections.get("summary").object("summary");
        SUMMARY_KEYS.forEach(summary::text);
        return new Prose(
                sections.get("openings").texts("openings", 1),
                sections.get("arrivals").texts("arrivals", 1),
                sections.get("betweens").texts("betweens", 1),
                sections.get("atmospheres").texts("atmospheres", 1),
                sections.get("callbacks").object("callbacks").groups(),
                sections.get("foreignChoices").texts("foreignChoices", 1),
                sections.get("foreignNoLabel").texts("foreignNoLabel", 1),
                sections.get("terminusArrivals").texts("terminusArrivals", 1),
                endings,
                sections.get("endingCallbacks").object("endingCallbacks").groups(),
                summary.textFields(),
                sections.get("numbers").texts("numbers", 21));
    }

    /** The mistakes a writer can make in a bank that reads well as JSON. */
    private static void check(ContentBank bank, List<String> problems) {
        Check c = new Check(bank, problems);
        c.world();
        c.cast();
        c.threads();
        c.scenes();
        c.prose();
    }

    /** The checks of a bank that reads well, with what they share. */
    private static final class Check {
        private final ContentBank bank;
        private final List<String> problems;
        private final Set<String> actionIds = new HashSet<>();
        private final Map<String, String> outcomes = new HashMap<>();
        /** The thread whose texts are being checked (a beat, a thread's own sentences): only its words fill them. */
        private String onlyThread;

        Check(ContentBank bank, List<String> problems) {
            this.bank = bank;
            this.problems = problems;
        }

        void world() {
            if (bank.stations().size() < RideState.MAX_END + 2) {
                problems.add("stations: a ride needs at least " + (RideState.MAX_END + 2) + " stations");
            }
            unique("stations", bank.stations().stream().map(Station::name).toList());
            for (Station station : bank.stations()) {
                station.sights().forEach(t -> slots("station " + station.name() + ": sight", t, BASE));
            }
            WORLD.forEach(key -> {
                List<String> values = switch (key) {
                    case "lines" -> bank.lines();
                    case "termini" -> bank.termini();
                    case "weathers" -> bank.weathers();
                    case "sounds" -> bank.sounds();
                    case "lights" -> bank.lights();
                    default -> bank.conductors();
                };
                values.forEach(v -> slots(key, v, Set.of()));
            });
        }

        void cast() {
            if (bank.passengers().size() < RideState.MAX_END + 1) {
                problems.add("passengers: a ride may meet up to " + (RideState.MAX_END + 1) + " people; there are "
                        + bank.passengers().size());
            }
            if (bank.items().size() < 2) {
                problems.add("items: a ride needs at least two items");
            }
            unique(
                    "passenger ids",
                    bank.passengers().stream().map(Passenger::id).toList());
            unique(
                    "passenger short names",
                    bank.passengers().stream().map(Passenger::shortName).toList());
            unique("item ids", bank.items().stream().map(Item::id).toList());
            unique(
                    "item short names",
                    bank.items().stream().map(Item::shortName).toList());
            for (Passenger p : bank.passengers()) {
                p.details().forEach(t -> slots("passenger " + p.id() + ": detail", t, BASE));
            }
            for (Item item : bank.items()) {
                String where = "item " + item.id();
                for (String mention : item.mentions()) {
                    slots(where + ": mention", mention, BASE);
                    if (!mention.toLowerCase(Locale.ROOT)
                            .contains(item.shortName().toLowerCase(Locale.ROOT))) {
                        problems.add(where + ": every mention names it as \"" + item.shortName() + "\", this one does"
                                + " not: " + mention);
                    }
                }
                item.farewells().forEach(t -> slots(where + ": farewell", t, BASE));
            }
        }

        void threads() {
            if (bank.threads().isEmpty()) {
                problems.add("threads: a ride needs at least one thread");
            }
            unique("thread ids", bank.threads().stream().map(StoryThread::id).toList());
            for (StoryThread thread : bank.threads()) {
                String where = "thread " + thread.id();
                onlyThread = thread.id();
                thread.wants().forEach(t -> slots(where + ": want", t, BASE));
                thread.reminders()
                        .forEach((key, texts) -> texts.forEach(t -> {
                            slots(where + ": reminder " + key, t, BASE);
                            if (!Template.slots(t).contains("sought")) {
                                problems.add(where + ": every reminder names {sought}, this one does not: " + t);
                            }
                        }));
                thread.resolutions().forEach((key, texts) -> texts.forEach(t -> slots(where + ": " + key, t, BASE)));
                thread.summaries().forEach((key, t) -> slots(where + ": summary " + key, t, BASE));
                if (thread.sought().length() > 30) {
                    problems.add(where + ": \"sought\" is read inside labels: keep it to 30 characters");
                }
            }
            onlyThread = null;
        }

        void scenes() {
            Set<String> ids = new HashSet<>();
            Set<String> threadIds =
                    new HashSet<>(bank.threads().stream().map(StoryThread::id).toList());
            for (Scene scene : bank.scenes()) {
                String where = "scene " + scene.id();
                if (!SCENE_ID.matcher(scene.id()).matches()) {
                    problems.add(where + ": a scene id is lower-case letters, digits and dashes (up to 40)");
                }
                if (!ids.add(scene.id())) {
                    problems.add(where + ": the id is used twice");
                }
                if (scene.kind() == Scene.Kind.BEAT && !threadIds.contains(scene.thread())) {
                    problems.add(where + ": a beat names its thread, one of " + String.join(", ", threadIds));
                }
                if (scene.kind() != Scene.Kind.BEAT && scene.thread() != null) {
                    problems.add(where + ": only a beat belongs to a thread");
                }
                if (scene.actions().size() < 2) {
                    problems.add(where + ": offers fewer than two actions");
                }
                onlyThread = scene.kind() == Scene.Kind.BEAT ? scene.thread() : null;
                Set<String> sceneSlots = available(scene.needs(), scene);
                scene.setups().forEach(t -> slots(where + ": setup", t, sceneSlots));
                boolean consequential = false;
                for (Action action : scene.actions()) {
                    action(where, action, scene);
                    consequential |= action.effects().consequential();
                    if (scene.kind() == Scene.Kind.APPROACH && !action.effects().ends()) {
                        problems.add(where + ": action " + action.id() + ": every action of an approach leads to an"
                                + " ending (\"end\")");
                    }
                    if (scene.kind() != Scene.Kind.APPROACH
                            && action.effects().ends()
                            && action.minStop() < RideState.MIN_END - 1) {
                        problems.add(where + ": action " + action.id() + ": an action that ends the ride outside an"
                                + " approach needs \"minStop\" of at least " + (RideState.MIN_END - 1));
                    }
                }
                onlyThread = null;
                if (!consequential) {
                    problems.add(where + ": no action changes anything the player will meet again (an item, a"
                            + " companion, the thread, the ticket): give it one");
                }
            }
            for (Scene.Kind kind : List.of(Scene.Kind.BOARDING, Scene.Kind.STOP, Scene.Kind.APPROACH)) {
                if (bank.scenes(kind).isEmpty()) {
                    problems.add("scenes: the bank has no " + kind.key() + " scene");
                }
            }
            boolean alwaysApproach = bank.scenes(Scene.Kind.APPROACH).stream()
                    .anyMatch(s -> s.needs().isEmpty()
                            && s.actions().stream()
                                            .filter(a -> a.needs().isEmpty())
                                            .count()
                                    >= 2);
            if (!alwaysApproach) {
                problems.add("scenes: one approach needs nothing and offers two actions that need nothing, so every"
                        + " ride can end");
            }
            for (Action move : bank.moves()) {
                action("moves", move, null);
                if (move.labels().size() < 2) {
                    problems.add("moves: " + move.id() + ": a general move has at least two labels, so it never"
                            + " reads the same twice in a ride");
                }
                if (move.effects().ends() && move.minStop() < RideState.MIN_END - 1) {
                    problems.add("moves: " + move.id() + ": a move that ends the ride needs \"minStop\" of at least "
                            + (RideState.MIN_END - 1));
                }
            }
        }

        private void action(String scene, Action action, Scene in) {
            String where = scene + ": action " + action.id();
            if (!CHOICE_ID.matcher(action.id()).matches()) {
                problems.add(where + ": the id is 1-8 lower-case letters or digits");
            }
            if (!actionIds.add(action.id())) {
                problems.add(where + ": the id is used twice");
            }
            Set<Need> needs = new HashSet<>(action.needs());
            if (in != null) {
                needs.addAll(in.needs());
            }
            Set<String> allowed = available(needs, in);
            for (String outcome : action.outcomes()) {
                String before = outcomes.putIfAbsent(outcome, where);
                if (before != null) {
                    problems.add(where + ": the outcome repeats " + before + "'s");
                }
                slots(where + ": outcome", outcome, allowed);
            }
            slots(where + ": deed", action.deed(), allowed);
            for (String label : action.labels()) {
                if (slots(where + ": label", label, allowed)) {
                    labelFills(where, label, allowed);
                }
            }
        }

        /** Fills a label with every name it may meet: too long, or a word said twice ("Pocket the pocket watch"). */
        private void labelFills(String where, String label, Set<String> allowedHere) {
            List<Map<String, String>> fills = new ArrayList<>();
            fills.add(new HashMap<>());
            // Only the slots the label uses are filled in every way: the others cannot change it.
            Set<String> allowed = new HashSet<>(Template.slots(label));
            allowed.retainAll(allowedHere);
            fan(
                    fills,
                    allowed,
                    "pshort",
                    bank.passengers().stream().map(Passenger::shortName).toList());
            fan(
                    fills,
                    allowed,
                    "ishort",
                    bank.items().stream().map(Item::shortName).toList());
            fan(
                    fills,
                    allowed,
                    "carried",
                    bank.items().stream().map(Item::shortName).toList());
            fan(
                    fills,
                    allowed,
                    "given",
                    bank.items().stream().map(Item::shortName).toList());
            fan(
                    fills,
                    allowed,
                    "companion",
                    bank.passengers().stream().map(Passenger::shortName).toList());
            fan(
                    fills,
                    allowed,
                    "slighted",
                    bank.passengers().stream().map(Passenger::shortName).toList());
            fan(
                    fills,
                    allowed,
                    "sought",
                    bank.threads().stream().map(StoryThread::sought).toList());
            fan(
                    fills,
                    allowed,
                    "station",
                    bank.stations().stream().map(Station::name).toList());
            for (Map<String, String> fill : fills) {
                if (sameTwice(fill, "ishort", "carried", "given")
                        || sameTwice(fill, "pshort", "companion", "slighted")) {
                    continue; // a stop never binds one item (or one person) to two slots
                }
                Set<String> slots = Template.slots(label);
                slots.forEach(slot -> fill.putIfAbsent(slot, "x"));
                String filled = Template.fill(label, fill);
                if (filled.length() > MAX_LABEL) {
                    problems.add(where + ": label is longer than " + MAX_LABEL + " characters once filled: " + filled);
                    return;
                }
                String twice = wordTwice(filled);
                if (twice != null) {
                    problems.add(where + ": label says \"" + twice + "\" twice once filled: " + filled);
                    return;
                }
            }
        }

        private static boolean sameTwice(Map<String, String> fill, String... slots) {
            Set<String> values = new HashSet<>();
            for (String slot : slots) {
                String value = fill.get(slot);
                if (value != null && !values.add(value)) {
                    return true;
                }
            }
            return false;
        }

        private static void fan(List<Map<String, String>> fills, Set<String> allowed, String slot, List<String> names) {
            if (!allowed.contains(slot) || names.isEmpty()) {
                return;
            }
            List<Map<String, String>> more = new ArrayList<>();
            for (Map<String, String> fill : fills) {
                for (String name : names) {
                    Map<String, String> one = new HashMap<>(fill);
                    one.put(slot, name);
                    more.add(one);
                }
                if (more.size() > 4_000) {
                    break;
                }
            }
            fills.clear();
            fills.addAll(more);
        }

        void prose() {
            Prose prose = bank.prose();
            prose.openings().forEach(t -> slots("openings", t, BASE));
            prose.arrivals().forEach(t -> slots("arrivals", t, BASE));
            prose.betweens().forEach(t -> slots("betweens", t, BASE));
            prose.atmospheres().forEach(t -> slots("atmospheres", t, BASE));
            prose.terminusArrivals().forEach(t -> slots("terminusArrivals", t, BASE));
            prose.foreignNoLabel().forEach(t -> slots("foreignNoLabel", t, BASE));
            prose.foreignChoices().forEach(t -> slots("foreignChoices", t, with(BASE, "label")));
            Map<String, String> named =
                    Map.of("companion", "companion", "slighted", "slighted", "given", "given", "counting", "count");
            prose.callbacks()
                    .forEach((kind, texts) -> texts.forEach(t -> {
                        String slot = named.get(kind);
                        slots("callbacks " + kind, t, slot == null ? BASE : with(BASE, slot));
                        if (slot != null
                                && !slot.equals("count")
                                && !Template.slots(t).contains(slot)) {
                            problems.add(
                                    "callbacks " + kind + ": every one names {" + slot + "}, this one does not: " + t);
                        }
                        if (kind.equals("noticket")
                                && !t.toLowerCase(Locale.ROOT).contains("ticket")) {
                            problems.add("callbacks noticket: every one names the ticket, this one does not: " + t);
                        }
                    }));
            Map<String, String> endingNamed = Map.of(
                    "slighted",
                    "slighted",
                    "counting",
                    "count",
                    "firstdeed",
                    "deed",
                    "gone",
                    "gone",
                    "companion",
                    "companion",
                    "given",
                    "given");
            prose.endingCallbacks()
                    .forEach((kind, texts) -> texts.forEach(t -> {
                        String slot = endingNamed.get(kind);
                        slots("endingCallbacks " + kind, t, slot == null ? BASE : with(BASE, slot));
                    }));
            prose.endings().forEach((ending, text) -> {
                Set<String> allowed = ending == Ending.TOGETHER ? with(BASE, "companion") : BASE;
                text.bodies().forEach(t -> slots("endings " + ending.key() + ": body", t, allowed));
                text.closers().forEach(t -> slots("endings " + ending.key() + ": closer", t, allowed));
                slots("endings " + ending.key() + ": summary", text.summary(), allowed);
            });
            Set<String> summarySlots = new HashSet<>(BASE);
            summarySlots.addAll(
                    List.of("passed", "items", "deeds", "place", "ending", "companion", "slighted", "gone"));
            prose.summary().forEach((key, t) -> {
                if (!SUMMARY_KEYS.contains(key)) {
                    problems.add("summary: unknown piece \"" + key + "\"");
                }
                slots("summary " + key, t, summarySlots);
            });
        }

        /** Checks a template's slots against those it may use; true when they are all right. */
        private boolean slots(String where, String template, Set<String> allowed) {
            boolean good = slotsKnown(where, template, allowed);
            if (good) {
                doubled(where, template);
            }
            return good;
        }

        /**
         * Fills each slot of a template with every value it may take (the others with a neutral word) and refuses
         * a word said twice in a row across the join ("the friend you came with with every carriage").
         */
        private void doubled(String where, String template) {
            // Only the joins can double a word: the word before a slot against a value's first word, a value's last
            // word against the word after the slot. Comparing words there is enough, and cheap.
            int open = template.indexOf('{');
            while (open >= 0) {
                int close = template.indexOf('}', open);
                if (close < 0) {
                    return;
                }
                String slot = template.substring(open + 1, close).toLowerCase(Locale.ROOT);
                String before = wordBefore(template, open);
                String after = wordAfter(template, close + 1);
                for (String value : values(slot)) {
                    String first = firstWord(value);
                    String last = lastWord(value);
                    String twice = before != null && before.equalsIgnoreCase(first)
                            ? before
                            : after != null && after.equalsIgnoreCase(last) ? after : null;
                    if (twice != null) {
                        problems.add(where + ": \"" + twice + " " + twice + "\" once {" + slot + "} is filled with \""
                                + value + "\": " + template);
                        return;
                    }
                }
                open = template.indexOf('{', close);
            }
        }

        /** The word just before position {@code at} when only spaces part them, else {@code null}. */
        private static String wordBefore(String text, int at) {
            int end = at;
            if (end == 0 || text.charAt(end - 1) != ' ') {
                return null;
            }
            end--;
            int start = end;
            while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                start--;
            }
            return start < end ? text.substring(start, end) : null;
        }

        /** The word just after position {@code at} when only a space parts them, else {@code null}. */
        private static String wordAfter(String text, int at) {
            if (at >= text.length() || text.charAt(at) != ' ') {
                return null;
            }
            int start = at + 1;
            int end = start;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            return start < end ? text.substring(start, end) : null;
        }

        private static String firstWord(String text) {
            int end = 0;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            return text.substring(0, end);
        }

        private static String lastWord(String text) {
            int start = text.length();
            while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                start--;
            }
            return text.substring(start);
        }

        /** The values a slot may take in this bank. */
        private List<String> values(String slot) {
            return switch (slot) {
                case "sought" ->
                    bank.threads().stream()
                            .filter(t -> onlyThread == null || t.id().equals(onlyThread))
                            .map(StoryThread::sought)
                            .toList();
                case "station" -> bank.stations().stream().map(Station::name).toList();
                case "pshort", "companion", "slighted", "gone" ->
                    bank.passengers().stream().map(Passenger::shortName).toList();
                case "passenger" ->
                    bank.passengers().stream().map(Passenger::name).toList();
                case "ishort", "carried", "given" ->
                    bank.items().stream().map(Item::shortName).toList();
                case "item" -> bank.items().stream().map(Item::name).toList();
                case "line" -> bank.lines();
                case "terminus" -> bank.termini();
                case "weather" -> bank.weathers();
                case "sound" -> bank.sounds();
                case "light" -> bank.lights();
                case "conductor" -> bank.conductors();
                case "boarding" -> bank.stations().stream().map(Station::name).toList();
                default -> List.of();
            };
        }

        private boolean slotsKnown(String where, String template, Set<String> allowed) {
            boolean good = true;
            for (String slot : Template.slots(template)) {
                if (!Template.PLACEHOLDERS.contains(slot)) {
                    problems.add(where + ": unknown placeholder {" + slot + "}");
                    good = false;
                } else if (!allowed.contains(slot)) {
                    problems.add(where + ": {" + slot + "} has no value here" + hint(slot));
                    good = false;
                }
            }
            int open = template.indexOf('{');
            if (template.chars().filter(ch -> ch == '{').count()
                            != template.chars().filter(ch -> ch == '}').count()
                    || open >= 0 && Template.slots(template).isEmpty()) {
                problems.add(where + ": a brace that is not a placeholder: " + template);
                good = false;
            }
            return good;
        }

        private static String hint(String slot) {
            return switch (slot) {
                case "passenger", "pshort", "them", "their", "pdetail" ->
                    " (the scene needs stranger, companion or slighted to bind someone)";
                case "item", "ishort" -> " (the scene needs newitem)";
                case "carried" -> " (the scene or action needs items)";
                case "given" -> " (the scene or action needs given)";
                case "companion" -> " (the scene or action needs companion)";
                case "slighted" -> " (the scene or action needs slighted)";
                case "count" -> " (the scene or action needs counting)";
                default -> "";
            };
        }

        private void unique(String what, List<String> values) {
            Set<String> seen = new HashSet<>();
            for (String value : values) {
                if (!seen.add(value)) {
                    problems.add(what + ": \"" + value + "\" is used twice");
                }
            }
        }
    }

    /** The placeholders a scene (and an action's own needs) bind. */
    static Set<String> available(Set<Need> needs, Scene scene) {
        Set<String> slots = new HashSet<>(BASE);
        if (needs.contains(Need.STRANGER) || needs.contains(Need.COMPANION) || needs.contains(Need.SLIGHTED)) {
            slots.addAll(PASSENGER);
        }
        if (needs.contains(Need.NEW_ITEM)) {
            slots.addAll(List.of("item", "ishort"));
        }
        if (needs.contains(Need.ITEMS)) {
            slots.add("carried");
        }
        if (needs.contains(Need.GIVEN)) {
            slots.add("given");
        }
        if (needs.contains(Need.COMPANION)) {
            slots.add("companion");
        }
        if (needs.contains(Need.SLIGHTED)) {
            slots.add("slighted");
        }
        if (needs.contains(Need.COUNTING)) {
            slots.add("count");
        }
        return slots;
    }

    private static Set<String> with(Set<String> base, String slot) {
        Set<String> more = new HashSet<>(base);
        more.add(slot);
        return more;
    }

    /** A word of four letters or more said twice in a label, or {@code null}. */
    static String wordTwice(String label) {
        Set<String> seen = new HashSet<>();
        int i = 0;
        int length = label.length();
        while (i < length) {
            while (i < length && !Character.isLetter(label.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && Character.isLetter(label.charAt(i))) {
                i++;
            }
            if (i - start >= 4) {
                String word = label.substring(start, i).toLowerCase(Locale.ROOT);
                if (!LABEL_WORDS_ANY_NUMBER.contains(word) && !seen.add(word)) {
                    return word;
                }
            }
        }
        return null;
    }
}
