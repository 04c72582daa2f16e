package com.liminaltransit.i18n;

import com.liminaltransit.web.BundleMessages;
import com.liminaltransit.web.PageLanguages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The languages the players' pages are offered in ({@code liminal.languages}, default {@value #DEFAULT}) and the
 * language of a request: the {@code lt_lang} cookie when it names one of them, else the best match of
 * {@code Accept-Language}, else the first offered ({@code en} by default). Every offered language needs its message
 * bundle ({@code i18n/messages_<tag>.properties}); one without stops the server at start-up, naming it.
 */
@ApplicationScoped
public class Languages implements PageLanguages {

    /** The config key. */
    public static final String KEY = "liminal.languages";
    /** The languages offered when none are configured. */
    public static final String DEFAULT = "en,es,fr,de,ja";

    private static final Logger LOG = Logger.getLogger(Languages.class.getName());

    /** Longer headers are not read: no browser sends one, and parsing costs. */
    private static final int MAX_ACCEPT_LANGUAGE = 512;

    private final List<String> tags;
    private final List<Locale> locales;

    /** Reads {@code liminal.languages}. */
    @Inject
    public Languages(@ConfigProperty(name = KEY, defaultValue = DEFAULT) List<String> configured) {
        this.tags = checked(configured);
        this.locales = tags.stream().map(Locale::forLanguageTag).toList();
    }

    /** Reads the languages when the application starts, so a bad {@code liminal.languages} fails start-up. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> "Languages offered: " + tags);
    }

    private static List<String> checked(List<String> configured) {
        List<String> tags = new ArrayList<>();
        for (String entry : configured) {
            String raw = entry.strip();
            if (raw.isEmpty()) {
                continue;
            }
            String tag = canonical(raw)
                    .orElseThrow(() -> new IllegalStateException(
                            KEY + " names '" + raw + "', which is not a BCP 47 language tag (such as en, ja, pt-BR)"));
            if (!BundleMessages.exists(tag)) {
                throw new IllegalStateException(KEY + " names '" + tag + "', but there is no " + BundleMessages.BUNDLES
                        + tag + ".properties for its pages");
            }
            if (tags.contains(tag)) {
                throw new IllegalStateException(KEY + " names '" + tag + "' twice");
            }
            tags.add(tag);
        }
        if (tags.isEmpty()) {
            throw new IllegalStateException(KEY + " offers no language: name at least one, such as en");
        }
        return List.copyOf(tags);
    }

    /** A well-formed tag in its canonical case ({@code PT-br} → {@code pt-BR}), or empty. */
    static Optional<String> canonical(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            String canonical = locale.toLanguageTag();
            return "und".equals(canonical) ? Optional.empty() : Optional.of(canonical);
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** The offered tags, in the configured order. */
    public List<String> tags() {
        return tags;
    }

    /** The language pages are in when nothing else decides: the first offered. */
    public String fallback() {
        return tags.getFirst();
    }

    /** The offered tag {@code tag} names (case aside), or empty when it is not offered. */
    public Optional<String> offered(String tag) {
        return canonical(tag).filter(tags::contains);
    }

    @Override
    public List<Locale> offered() {
        return locales;
    }

    @Override
    public Locale choose(String cookie, String acceptLanguage) {
        return Locale.forLanguageTag(tagFor(cookie, acceptLanguage));
    }

    /** The language of this request, as a tag. */
    public String of(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(COOKIE);
        return tagFor(cookie == null ? null : cookie.getValue(), request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The cookie's language when offered, else the best match of {@code Accept-Language}, else the fallback. */
    String tagFor(String cookie, String acceptLanguage) {
        return offered(cookie).or(() -> bestMatch(acceptLanguage)).orElse(fallback());
    }

    /**
     * RFC 4647 lookup over the header's ranges ({@code es-MX} finds {@code es}); failing that, basic filtering
     * ({@code pt} finds {@code pt-BR}). A malformed header counts as none.
     */
    Optional<String> bestMatch(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_ACCEPT_LANGUAGE) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        String found = Locale.lookupTag(ranges, tags);
        if (found == null) {
            List<String> filtered = Locale.filterTags(ranges, tags);
            found = filtered.isEmpty() ? null : filtered.getFirst();
        }
        return Optional.ofNullable(found).flatMap(this::offered);
    }
}
