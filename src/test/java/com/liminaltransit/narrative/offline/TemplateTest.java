package com.liminaltransit.narrative.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void capitalisedSlotCapitalisesItsValue() {
        // given
        Map<String, String> values = Map.of("station", "the Narrows", "pshort", "the cellist");

        // when
        String text = Template.fill("{Station} is quiet; {pshort} sleeps.", values);

        // then
        assertEquals("The Narrows is quiet; the cellist sleeps.", text);
    }

    @Test
    void valueThatLooksLikeAReplacementGroupIsKeptLiterally() {
        // given a value with the characters a regex replacement would interpret
        Map<String, String> values = Map.of("label", "pay $1 and leave \\ quietly");

        // when
        String text = Template.fill("You had chosen to {label}.", values);

        // then
        assertEquals("You had chosen to pay $1 and leave \\ quietly.", text);
    }

    @Test
    void slotWithoutValueFailsLoudly() {
        // given a scene that names a passenger it did not bind
        Map<String, String> values = Map.of("station", "Mothwell");

        // when / then
        assertThrows(IllegalStateException.class, () -> Template.fill("{Pshort} waves.", values));
    }

    @Test
    void slotsAreListedLowerCased() {
        // when
        Set<String> slots = Template.slots("{Passenger} at {station} with {ishort}");

        // then
        assertEquals(Set.of("passenger", "station", "ishort"), slots);
    }
}
