package com.liminaltransit.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The languages offered and the language of a request: cookie, else Accept-Language's best match, else the first. */
class LanguagesTest {

    private final Languages languages = new Languages(List.of("en", "es", "fr", "de", "ja"));

    @Test
    void theCookieWinsWhenItNamesAnOfferedLanguage() {
        assertThat(languages.tagFor("ja", "de")).isEqualTo("ja");
        assertThat(languages.tagFor("JA", "de")).isEqualTo("ja");
    }

    @Test
    void aCookieNamingNoOfferedLanguageIsIgnored() {
        assertThat(languages.tagFor("xx", "de")).isEqualTo("de");
        assertThat(languages.tagFor("<script>", null)).isEqualTo("en");
        assertThat(languages.tagFor("", "fr")).isEqualTo("fr");
    }

    @Test
    void acceptLanguageFindsTheBestOfferedMatch() {
        assertThat(languages.tagFor(null, "es-MX,es;q=0.9,en;q=0.5")).isEqualTo("es");
        assertThat(languages.tagFor(null, "ja-JP")).isEqualTo("ja");
        assertThat(languages.tagFor(null, "zh-CN;q=0.9, de;q=0.4")).isEqualTo("de");
        assertThat(languages.tagFor(null, "en;q=0, fr;q=0.2")).isEqualTo("fr");
    }

    @Test
    void withNoMatchOrAMalformedHeaderThePagesAreInTheFirstOfferedLanguage() {
        assertThat(languages.tagFor(null, "pt-BR")).isEqualTo("en");
        assertThat(languages.tagFor(null, "*")).isEqualTo("en");
        assertThat(languages.tagFor(null, "@@@")).isEqualTo("en");
        assertThat(languages.tagFor(null, "a".repeat(2_000))).isEqualTo("en");
        assertThat(languages.tagFor(null, null)).isEqualTo("en");
        assertThat(new Languages(List.of("de", "en")).tagFor(null, "it")).isEqualTo("de");
    }

    @Test
    void aLanguageOnlyOfferedWithARegionIsFoundFromItsPrimaryLanguage() {
        // es-MX has no bundle of its own here, so it is tested through the matcher alone
        assertThat(languages.bestMatch("es")).contains("es");
        assertThat(languages.choose(null, "de-AT")).isEqualTo(Locale.GERMAN);
    }

    @Test
    void theOfferedLanguagesKeepTheirOrderAndCanonicalCase() {
        assertThat(new Languages(List.of(" JA ", "en", "")).tags()).containsExactly("ja", "en");
        assertThat(languages.offered()).extracting(Locale::toLanguageTag).containsExactly("en", "es", "fr", "de", "ja");
    }

    @Test
    void aBadListStopsTheServerNamingTheProblem() {
        assertThatThrownBy(() -> new Languages(List.of("en", "it")))
                .hasMessageContaining("'it'")
                .hasMessageContaining("i18n/messages_it.properties");
        assertThatThrownBy(() -> new Languages(List.of("en", "not a tag")))
                .hasMessageContaining("not a BCP 47 language tag");
        assertThatThrownBy(() -> new Languages(List.of("en", "EN"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> new Languages(List.of(" "))).hasMessageContaining("no language");
    }
}
