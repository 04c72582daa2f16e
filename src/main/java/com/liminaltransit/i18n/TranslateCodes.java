package com.liminaltransit.i18n;

import java.util.Locale;
import java.util.Set;

/**
 * BCP 47 tags as Amazon Translate names languages: mostly the primary language ({@code de-AT} is {@code de}), but a
 * few regional variants are languages of their own there ({@code es-MX}, {@code fr-CA}, {@code pt-PT},
 * {@code zh-TW}), and Traditional Chinese is {@code zh-TW} whatever region it is written in.
 */
final class TranslateCodes {

    private static final Set<String> REGIONAL = Set.of("es-MX", "fr-CA", "pt-PT", "zh-TW", "fa-AF");

    private TranslateCodes() {}

    /** Translate's code for {@code tag}. */
    static String of(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String language = locale.getLanguage();
        if ("zh".equals(language) && "Hant".equals(locale.getScript())) {
            return "zh-TW";
        }
        String withRegion = language + "-" + locale.getCountry();
        return REGIONAL.contains(withRegion) ? withRegion : language;
    }
}
