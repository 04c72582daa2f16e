package com.liminaltransit.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The players' words in every offered language: {@code #{key}} in a template reads
 * {@code i18n/messages_<language>.properties} (UTF-8) for the page's locale, then its primary language
 * ({@code es-MX} → {@code es}), then English. A message with parameters ({@code #{ride.stops(${n})}}) is a
 * {@link MessageFormat} pattern; one without is taken as written. A key no bundle has shows as {@code ??key_ja??},
 * which the bundle tests never let through.
 */
public final class BundleMessages implements IMessageResolver {

    /** Where the bundles are, on the classpath: {@code i18n/messages_<tag>.properties}. */
    public static final String BUNDLES = "i18n/messages_";

    private static final String FALLBACK = "en";

    private final Map<String, Optional<Map<String, String>>> bundles = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return "liminal-bundles";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        return message(context.getLocale(), key, messageParameters);
    }

    @Override
    public String createAbsentMessageRepresentation(
            ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        return "??" + key + "_" + context.getLocale().toLanguageTag() + "??";
    }

    /** The message for {@code key} in {@code locale} (or its fallbacks), formatted; {@code null} when none has it. */
    public String message(Locale locale, String key, Object... parameters) {
        String pattern = pattern(locale, key);
        if (pattern == null || parameters == null || parameters.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(parameters);
    }

    /** Whether a bundle exists on the classpath for exactly this language tag. */
    public static boolean exists(String tag) {
        return load(tag).isPresent();
    }

    private String pattern(Locale locale, String key) {
        String tag = locale.toLanguageTag();
        for (String candidate : new String[] {tag, locale.getLanguage(), FALLBACK}) {
            String found = bundle(candidate).map(messages -> messages.get(key)).orElse(null);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private Optional<Map<String, String>> bundle(String tag) {
        return bundles.computeIfAbsent(tag, BundleMessages::load);
    }

    /** The bundle of {@code tag} as a map, or empty when there is none. */
    static Optional<Map<String, String>> load(String tag) {
        if (tag == null || tag.isEmpty() || !tag.matches("[A-Za-z0-9-]{1,35}")) {
            return Optional.empty();
        }
        String path = BUNDLES + tag + ".properties";
        try (InputStream in = BundleMessages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> messages = new ConcurrentHashMap<>();
            properties.forEach((k, v) -> messages.put(k.toString(), v.toString()));
            return Optional.of(Map.copyOf(messages));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
