package com.liminaltransit.narrative.offline;

import static com.liminaltransit.narrative.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the content bank's JSON files and refuses a bank with mistakes a writer can make (a misspelt placeholder,
 * a reused choice id, two actions with the same outcome), so they fail at start-up instead of in a ride.
 */
final class ContentBankLoader {

    /** Where the bank lives on the classpath. */
    static final String FOLDER = "narrative/offline/";

    private static final Pattern CHOICE_ID = Pattern.compile("[a-z0-9]{1,8}");

    private ContentBankLoader() {}

    /** Loads and checks the bank from the classpath. */
    static ContentBank fromClasspath() {
        JsonObject world = read("world.json");
        JsonObject cast = read("cast.json");
        JsonObject scenes = read("scenes.json");
        JsonObject prose = read("prose.json");
        ContentBank bank = new ContentBank(
                strings(world, "lines"),
                world.getJsonArray("stations").getValuesAs(JsonObject.class).stream()
                        .map(o -> new Station(o.getString("name"), o.getString("sight")))
                        .toList(),
                strings(world, "termini"),
                strings(world, "weathers"),
                strings(world, "sounds"),
                strings(world, "lights"),
                strings(world, "conductors"),
                cast.getJsonArray("passengers").getValuesAs(JsonObject.class).stream()
                        .map(ContentBankLoader::passenger)
                        .toList(),
                cast.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .map(ContentBankLoader::item)
                        .toList(),
                scenes(scenes.getJsonArray("boarding")),
                scenes(scenes.getJsonArray("scenes")),
                actions(scenes.getJsonArray("moves")),
                prose(prose));
        check(bank);
        return bank;
    }

    private static JsonObject read(String file) {
        String resource = FOLDER + file;
        try (InputStream in = ContentBankLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("content bank file missing from the classpath: " + resource);
            }
            try (JsonReader reader = JSON.createReader(in)) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Passenger passenger(JsonObject o) {
        return new Passenger(
                o.getString("id"),
                o.getString("name"),
                o.getString("short"),
                o.getString("them"),
                o.getString("their"),
                o.getString("detail"));
    }

    private static Item item(JsonObject o) {
        return new Item(
                o.getString("id"),
                o.getString("name"),
                o.getString("short"),
                strings(o, "mentions"),
                o.getString("farewell"));
    }

    private static List<Scene> scenes(JsonArray array) {
        return array.getValuesAs(JsonObject.class).stream()
                .map(o -> new Scene(
                        o.getString("id"), needs(o), strings(o, "setups"), actions(o.getJsonArray("actions"))))
                .toList();
    }

    private static List<Action> actions(JsonArray array) {
        return array.getValuesAs(JsonObject.class).stream()
                .map(ContentBankLoader::action)
                .toList();
    }

    private static Action action(JsonObject o) {
        JsonObject e = o.getJsonObject("effects");
        Effects effects = new Effects(
                e.getBoolean("take", false),
                e.getBoolean("give", false),
                e.getBoolean("befriend", false),
                e.getBoolean("offend", false),
                e.getBoolean("part", false),
                e.getBoolean("loseTicket", false),
                e.getBoolean("conductor", false),
                e.getBoolean("count", false),
                e.getBoolean("leave", false),
                e.getInt("front", 0),
                e.getInt("memory", 0),
                e.getInt("extend", 0));
        return new Action(
                o.getString("id"),
                o.getString("label"),
                o.getString("outcome"),
                o.getString("deed"),
                effects,
                needs(o),
                o.getInt("minStop", 0));
    }

    private static Set<Need> needs(JsonObject o) {
        return o.containsKey("needs")
                ? Set.copyOf(strings(o, "needs").stream().map(Need::of).toList())
                : Set.of();
    }

    private static Prose prose(JsonObject o) {
        JsonObject endings = o.getJsonObject("endings");
        JsonObject summaries = o.getJsonObject("endingSummaries");
        Map<Ending, List<String>> endingTexts = new EnumMap<>(Ending.class);
        Map<Ending, String> endingSummaries = new EnumMap<>(Ending.class);
        for (Ending ending : Ending.values()) {
            if (!endings.containsKey(ending.key()) || !summaries.containsKey(ending.key())) {
                throw new IllegalStateException("content bank has no ending '" + ending.key() + "'");
            }
            endingTexts.put(ending, strings(endings, ending.key()));
            endingSummaries.put(ending, summaries.getString(ending.key()));
        }
        return new Prose(
                strings(o, "openings"),
                strings(o, "arrivals"),
                strings(o, "atmospheres"),
                groups(o.getJsonObject("callbacks")),
                strings(o, "foreignChoices"),
                strings(o, "foreignNoLabel"),
                strings(o, "terminusArrivals"),
                endingTexts,
                endingSummaries,
                groups(o.getJsonObject("endingCallbacks")));
    }

    private static Map<String, List<String>> groups(JsonObject o) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        o.keySet().forEach(key -> groups.put(key, strings(o, key)));
        return groups;
    }

    private static List<String> strings(JsonObject o, String key) {
        JsonArray array = o.getJsonArray(key);
        if (array == null) {
            throw new IllegalStateException("content bank has no list '" + key + "'");
        }
        List<String> values = new ArrayList<>();
        for (JsonValue value : array) {
            values.add(((JsonString) value).getString());
        }
        return values;
    }

    /** The mistakes a writer can make in the bank, found before any ride meets them. */
    private static void check(ContentBank bank) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> outcomes = new HashSet<>();
        List<Scene> allScenes = new ArrayList<>(bank.boarding());
        allScenes.addAll(bank.scenes());
        List<Action> allActions = new ArrayList<>(bank.moves());
        for (Scene scene : allScenes) {
            if (scene.actions().size() < 2) {
                problems.add("scene " + scene.id() + " offers fewer than two actions");
            }
            allActions.addAll(scene.actions());
            scene.setups().forEach(t -> checkSlots("scene " + scene.id(), t, problems));
        }
        for (Action action : allActions) {
            if (!CHOICE_ID.matcher(action.id()).matches()) {
                problems.add("action id '" + action.id() + "' is not 1-8 lower-case letters or digits");
            }
            if (!ids.add(action.id())) {
                problems.add("action id '" + action.id() + "' is used twice");
            }
            if (!outcomes.add(action.outcome())) {
                problems.add("action " + action.id() + " repeats another action's outcome");
            }
            for (String template : List.of(action.label(), action.outcome(), action.deed())) {
                checkSlots("action " + action.id(), template, problems);
            }
        }
        Prose prose = bank.prose();
        List<String> texts = new ArrayList<>();
        texts.addAll(prose.openings());
        texts.addAll(prose.arrivals());
        texts.addAll(prose.atmospheres());
        texts.addAll(prose.foreignChoices());
        texts.addAll(prose.foreignNoLabel());
        texts.addAll(prose.terminusArrivals());
        prose.callbacks().values().forEach(texts::addAll);
        prose.endingCallbacks().values().forEach(texts::addAll);
        prose.endings().values().forEach(texts::addAll);
        texts.addAll(prose.endingSummaries().values());
        bank.items().forEach(item -> {
            texts.addAll(item.mentions());
            texts.add(item.farewell());
        });
        texts.forEach(t -> checkSlots("prose", t, problems));
        if (bank.stations().size() < RideState.MAX_END + 2) {
            problems.add("a ride needs at least " + (RideState.MAX_END + 2) + " stations");
        }
        if (bank.passengers().size() < RideState.MAX_END + 1 || bank.items().size() < 2) {
            problems.add("too few passengers or items for a whole ride");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("content bank: " + String.join("; ", problems));
        }
    }

    private static void checkSlots(String where, String template, List<String> problems) {
        for (String slot : Template.slots(template)) {
            if (!Template.PLACEHOLDERS.contains(slot)) {
                problems.add(where + " uses unknown placeholder {" + slot + "}");
            }
        }
    }
}
