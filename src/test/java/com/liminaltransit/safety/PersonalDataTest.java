package com.liminaltransit.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            email        | Write to night.conductor@example.com before dawn.
            email        | ＲＵＴＨ＠ＥＸＡＭＰＬＥ．ＪＰ wrote the letter.
            card-number  | The ticket reads 4111 1111 1111 1111 in faded ink.
            card-number  | Card 5500-0000-0000-0004 was left on the seat.
            phone-number | Call +44 20 7946 0958 when the train stops.
            phone-number | 電話は090-1234-5678まで。
            phone-number | Ring (555) 014-2368 at midnight.
            link         | See https://example.org/timetable for the real times.
            link         | The poster says www.nightline.example now.
            link         | Visit liminal-transit.com for more.
            """)
    void findsPersonalDataAndLinks(String category, String text) {
        assertThat(categories(text)).containsExactly(category);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The train left platform 9 at 23:59 on 2026-11-25, carriage 12, seat 4.
            The clock shows 11:58 and the ticket number is 48213.
            A number that fails the Luhn check stays a number: 4111 1111 1111 1112 is not a card.
            It was the year 1987; the tower had 1,204 steps.
            She said: good night. He answered: good morning.
            """)
    void leavesNumbersAndPunctuationOfAStoryAlone(String text) {
        List<String> found = categories(text);
        if (text.contains("Luhn")) {
            // sixteen digits that fail Luhn are not a card; they are long enough to look like a phone number
            assertThat(found).doesNotContain("card-number");
        } else {
            assertThat(found).isEmpty();
        }
    }

    @Test
    void luhnAcceptsKnownTestNumbersOnly() {
        assertThat(PersonalData.luhn("4111111111111111")).isTrue();
        assertThat(PersonalData.luhn("4111 1111 1111 1112")).isFalse();
        assertThat(PersonalData.luhn("378282246310005")).isTrue();
    }

    @Test
    void maskingHidesTheDigitsAndNamesButKeepsLinks() {
        String masked = PersonalData.mask(
                "Card 4111 1111 1111 1111, call +44 20 7946 0958, mail ruth@example.com, see https://example.org");
        assertThat(masked)
                .contains("•••• •••• •••• 1111")
                .contains("+•• •• •••• ••58")
                .contains("r•••@example.com")
                .contains("https://example.org")
                .doesNotContain("4111")
                .doesNotContain("7946");
    }

    private static List<String> categories(String text) {
        return PersonalData.find(PersonalData.normal(text)).stream()
                .map(PersonalData.Match::category)
                .toList();
    }
}
