package com.liminaltransit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code #{key}} in a template: the page's language, then its primary language, then English. */
class BundleMessagesTest {

    private final BundleMessages messages = new BundleMessages();

    @Test
    void aMessageIsReadInThePagesLanguage() {
        assertThat(messages.message(Locale.JAPANESE, "language.label")).isEqualTo("言語");
        assertThat(messages.message(Locale.forLanguageTag("es-MX"), "language.label"))
                .isEqualTo("Idioma");
        assertThat(messages.message(Locale.forLanguageTag("it"), "language.label"))
                .isEqualTo("Language");
    }

    @Test
    void aPatternTakesItsValuesAndAMessageWithoutValuesIsTakenAsWritten() {
        assertThat(messages.message(Locale.ENGLISH, "ride.stop.n", 3)).isEqualTo("Stop 3");
        assertThat(messages.message(Locale.ENGLISH, "landing.ride.arrived", 1)).isEqualTo("Arrived after one stop");
        assertThat(messages.message(Locale.ENGLISH, "landing.ride.arrived", 9)).isEqualTo("Arrived after 9 stops");
        assertThat(messages.message(Locale.JAPANESE, "ride.stop.n", 12)).isEqualTo("12駅目");
        assertThat(messages.message(Locale.ENGLISH, "ride.spectator")).contains("someone else's ride");
    }

    @Test
    void anUnknownKeyHasNoMessageAndAnUnknownTagNoBundle() {
        assertThat(messages.message(Locale.ENGLISH, "no.such.key")).isNull();
        assertThat(BundleMessages.exists("ja")).isTrue();
        assertThat(BundleMessages.exists("it")).isFalse();
        assertThat(BundleMessages.exists("../../etc/passwd")).isFalse();
    }
}
