package com.liminaltransit.narrative.offline;

import java.util.List;

/**
 * Everything the offline storyteller knows how to say: written by hand under {@code narrative/offline/} on the
 * classpath (version 1), or a version the writers saved in their room. A bank never changes once loaded.
 *
 * @param lines      names of the line, e.g. {@code the Lantern Line}
 * @param stations   stations a ride may pass; one is where the player boards
 * @param termini    where a ride that stays aboard ends
 * @param weathers   noun phrases that follow "there is"
 * @param sounds     noun phrases that follow "you can hear"
 * @param lights     noun phrases that follow "lit by"
 * @param conductors how the conductor is introduced, with its article
 * @param passengers people the player may meet
 * @param items      things the player may carry
 * @param threads    what a ride may be about
 * @param scenes     every scene: boarding, stops, thread beats, approaches
 * @param moves      general moves any quiet stop may add to its scene's actions
 * @param prose      connecting sentences, reminders, endings, summary words
 */
record ContentBank(
        List<String> lines,
        List<Station> stations,
        List<String> termini,
        List<String> weathers,
        List<String> sounds,
        List<String> lights,
        List<String> conductors,
        List<Passenger> passengers,
        List<Item> items,
        List<StoryThread> threads,
        List<Scene> scenes,
        List<Action> moves,
        Prose prose) {

    ContentBank {
        lines = List.copyOf(lines);
        stations = List.copyOf(stations);
        termini = List.copyOf(termini);
        weathers = List.copyOf(weathers);
        sounds = List.copyOf(sounds);
        lights = List.copyOf(lights);
        conductors = List.copyOf(conductors);
        passengers = List.copyOf(passengers);
        items = List.copyOf(items);
        threads = List.copyOf(threads);
        scenes = List.copyOf(scenes);
        moves = List.copyOf(moves);
    }

    /** The scenes of one kind, in bank order. */
    List<Scene> scenes(Scene.Kind kind) {
        return scenes.stream().filter(s -> s.kind() == kind).toList();
    }

    /** The bank on the classpath, loaded on first use and shared by every storyteller (and any CDI proxy). */
    static ContentBank shared() {
        return Shared.BANK;
    }

    /** Lazy holder: the JVM loads the bank once, on first use, thread-safely. */
    private static final class Shared {
        private static final ContentBank BANK = ContentBankLoader.load(BankText.shipped());
    }
}
