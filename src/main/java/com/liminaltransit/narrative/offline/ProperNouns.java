package com.liminaltransit.narrative.offline;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The proper nouns of the offline storyteller's line: its trains, stations and termini, as the content bank writes
 * them (without a leading "the"). A translation keeps them as they are (Amazon Translate's custom terminology is made
 * from this list), so a station is called the same in every language and every stop.
 */
public final class ProperNouns {

    private ProperNouns() {}

    /** Every proper noun of the bank, each once, in alphabetical order. */
    public static List<String> all() {
        ContentBank bank = ContentBank.shared();
        TreeSet<String> names = new TreeSet<>();
        Stream.of(bank.lines().stream(), bank.stations().stream().map(Station::name), bank.termini().stream())
                .flatMap(source -> source)
                .map(ProperNouns::withoutArticle)
                .forEach(names::add);
        return List.copyOf(names);
    }

    /** {@code the Lantern Line} → {@code Lantern Line}: the article is grammar, which each language has its own of. */
    static String withoutArticle(String name) {
        String stripped = name.strip();
        return stripped.toLowerCase(Locale.ROOT).startsWith("the ")
                ? stripped.substring(4).strip()
                : stripped;
    }
}
