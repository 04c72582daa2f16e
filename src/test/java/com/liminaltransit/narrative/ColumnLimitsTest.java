package com.liminaltransit.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the validator lets through must fit the columns it is stored in: read the sizes from the migrations
 * themselves, so a migration that narrows a column, or a validator limit that grows, fails here and not in a
 * player's insert.
 */
class ColumnLimitsTest {

    private static final Pattern CREATE = Pattern.compile("create table (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("^\\s*(\\w+)\\s+varchar\\((\\d+)\\)", Pattern.MULTILINE);
    private static final Pattern ADD =
            Pattern.compile("alter table (\\w+) add column (\\w+) varchar\\((\\d+)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER = Pattern.compile(
            "alter table (\\w+) alter column (\\w+) (?:set data )?type varchar\\((\\d+)\\)", Pattern.CASE_INSENSITIVE);

    @Test
    void everyFieldTheValidatorPassesFitsItsColumn() throws IOException {
        // given the column sizes the migrations declare, in order
        Map<String, Integer> sizes = columnSizes();
        // then
        assertThat(sizes.get("passage.body")).isGreaterThanOrEqualTo(NarrativeValidator.MAX_PASSAGE);
        assertThat(sizes.get("passage.summary")).isGreaterThanOrEqualTo(NarrativeValidator.MAX_SUMMARY);
        assertThat(sizes.get("choice.label")).isGreaterThanOrEqualTo(NarrativeValidator.MAX_LABEL);
        assertThat(sizes.get("choice.id")).isGreaterThanOrEqualTo(NarrativeValidator.MAX_CHOICE_ID);
        assertThat(sizes.get("passage.chosen_id")).isGreaterThanOrEqualTo(NarrativeValidator.MAX_CHOICE_ID);
        assertThat(sizes.get("passage.model")).isGreaterThanOrEqualTo(NarrativeValidator.MAX_MODEL_NAME);
    }

    @Test
    void theLongestChoiceIdTheValidatorAcceptsIsValid() {
        // given an id as long as the column allows
        String id = "z".repeat(NarrativeValidator.MAX_CHOICE_ID);
        List<ChoiceOption> choices = List.of(new ChoiceOption(id, "Stay"), new ChoiceOption(id + "9", "Go"));
        // when
        ValidationResult result = NarrativeValidator.validate(new Narrative("p".repeat(50), choices, false, "s"));
        // then the longer one is refused
        assertThat(result.problems()).containsExactly("choice ids must be 1-8 lower-case letters or digits");
    }

    private static Map<String, Integer> columnSizes() throws IOException {
        Map<String, Integer> sizes = new HashMap<>();
        for (String sql : migrations()) {
            Matcher table = CREATE.matcher(sql);
            while (table.find()) {
                Matcher column = COLUMN.matcher(table.group(2));
                while (column.find()) {
                    sizes.put(table.group(1) + "." + column.group(1), Integer.parseInt(column.group(2)));
                }
            }
            for (Pattern change : List.of(ADD, ALTER)) {
                Matcher altered = change.matcher(sql);
                while (altered.find()) {
                    sizes.put(altered.group(1) + "." + altered.group(2), Integer.parseInt(altered.group(3)));
                }
            }
        }
        return sizes;
    }

    /** The migrations' text in the order Flyway applies them (by version number). */
    private static List<String> migrations() throws IOException {
        Path folder = Path.of("src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b)))
                    .map(ColumnLimitsTest::read)
                    .toList();
        }
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
