package com.liminaltransit.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local layer: personal data and links in any language ({@link PersonalData}), and the word rules of the text's
 * language ({@link RuleBook}). It needs no network and answers in microseconds, so it runs first and always on
 * what it is asked; a language without a book is checked for personal data and links only, and counts as not
 * covered.
 */
final class RuleCheck {

    private final Map<String, Optional<RuleBook>> books = new ConcurrentHashMap<>();

    /** Loads the books of {@code languages} now, so a malformed one stops the server at start-up. */
    RuleCheck(List<String> languages) {
        languages.forEach(language -> book(language));
    }

    /** Whether {@code language} has word rules. */
    boolean covers(String language) {
        return book(language).isPresent();
    }

    /** What the rules find in {@code parts}, written in {@code language}: each category once per field. */
    List<Finding> findings(String language, List<TextPart> parts) {
        Optional<RuleBook> book = book(language);
        List<Finding> found = new ArrayList<>();
        for (TextPart part : parts) {
            List<String> categories = new ArrayList<>();
            PersonalData.find(PersonalData.normal(part.text())).stream()
                    .map(PersonalData.Match::category)
                    .distinct()
                    .forEach(categories::add);
            book.ifPresent(rules -> categories.addAll(rules.categoriesIn(part.text())));
            categories.stream()
                    .distinct()
                    .forEach(category -> found.add(new Finding(Layer.RULES, category, 1.0, part.field())));
        }
        return found;
    }

    private Optional<RuleBook> book(String language) {
        return books.computeIfAbsent(Languages.primary(language), RuleBook::load);
    }
}
