package com.liminaltransit.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The players' message bundles: every offered language has every key, nothing empty, the same values in the same
 * places, patterns that format, and every key a template or the code asks for exists.
 */
class MessageBundlesTest {

    private static final List<String> LANGUAGES = Arrays.asList(Languages.DEFAULT.split(","));
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9._-]+)");
    private static final Pattern CODE_KEY = Pattern.compile(
            "\"((?:ride|error|throttle|transcript|language|landing|layout|common)\\.[a-z0-9][a-z0-9.-]*[a-z0-9])\"");

    private static Map<String, String> bundle(String tag) {
        String path = "i18n/messages_" + tag + ".properties";
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> messages = new TreeMap<>();
            properties.forEach((k, v) -> messages.put(k.toString(), v.toString()));
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyLanguageHasEveryKeyAndNothingEmpty() {
        Set<String> english = bundle("en").keySet();
        for (String tag : LANGUAGES) {
            Map<String, String> messages = bundle(tag);
            assertThat(messages.keySet()).as(tag).isEqualTo(english);
            assertThat(messages)
                    .as(tag)
                    // only the words before a link may be empty, where a language puts the link first
                    .allSatisfy((key, value) -> assertThat(value.isBlank() && !key.endsWith(".before"))
                            .as(tag + " " + key + " is empty")
                            .isFalse());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "fr", "de", "ja"})
    void patternsTakeTheSameValuesAndFormatCleanly(String tag) {
        Map<String, String> english = bundle("en");
        bundle(tag).forEach((key, pattern) -> {
            if (!english.get(key).contains("{")) {
                assertThat(pattern)
                        .as(tag + " " + key + " takes no value in English")
                        .doesNotContain("{0");
                return;
            }
            MessageFormat format = new MessageFormat(pattern, Locale.forLanguageTag(tag));
            assertThat(format.getFormatsByArgumentIndex())
                    .as(tag + " " + key)
                    .hasSameSizeAs(new MessageFormat(english.get(key)).getFormatsByArgumentIndex());
            int values = format.getFormatsByArgumentIndex().length;
            for (Object value : List.of(0, 1, 2, 45, 1234)) {
                Object[] arguments = new Object[values];
                Arrays.fill(arguments, value);
                String text = format.format(arguments);
                // an unescaped apostrophe quotes the rest of a pattern, leaving its braces unformatted
                assertThat(text).as(tag + " " + key).doesNotContain("{", "}", "''");
            }
        });
    }

    @Test
    void frenchPunctuationKeepsItsNoBreakSpace() {
        bundle("fr")
                .forEach((key, text) -> assertThat(text)
                        .as(key)
                        .doesNotContainPattern(" [:;!]| \\?(?!stop=)")
                        .doesNotContain("'"));
    }

    @Test
    void everyKeyTheTemplatesUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).contains("language.label", "language.submit");
        assertThat(bundle("en").keySet()).containsAll(used);
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = CODE_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        for (String action : List.of("board", "choose")) {
            for (String unit : List.of("seconds", "minutes", "hours")) {
                used.add("throttle." + action + "." + unit);
            }
        }
        for (int status : List.of(400, 401, 403, 404, 405, 409, 413, 415, 429)) {
            used.add("error.title." + status);
        }
        used.addAll(List.of("error.title.5xx", "error.title.other", "error.sentence.other", "language.self"));
        used.remove("throttle.refused"); // a metric's name, not a message
        assertThat(used).contains("ride.not-found", "error.cross-site", "language.unknown");
        assertThat(bundle("en").keySet()).containsAll(used);
    }
}
