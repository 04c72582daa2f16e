package com.liminaltransit.narrative.offline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ContentBankTest {

    private static final ContentBank BANK = ContentBank.shared();

    @Test
    void bankIsLoadedOnceAndShared() {
        // when / then
        assertSame(BANK, ContentBank.shared());
    }

    @Test
    void bankHoldsEnoughToWriteVariedRides() {
        // then
        assertThat(BANK.stations().size(), greaterThanOrEqualTo(40));
        assertThat(BANK.passengers().size(), greaterThanOrEqualTo(16));
        assertThat(BANK.items().size(), greaterThanOrEqualTo(12));
        assertThat(BANK.scenes().size(), greaterThanOrEqualTo(12));
        assertThat(BANK.boarding().size(), greaterThanOrEqualTo(4));
        assertThat(BANK.prose().openings().size(), greaterThanOrEqualTo(10));
        for (Ending ending : Ending.values()) {
            assertThat(ending + " needs variants", BANK.prose().endings().get(ending).size(), greaterThanOrEqualTo(2));
        }
    }

    @Test
    void everyActionHasAValidChoiceIdUsedOnceAndAnOutcomeOfItsOwn() {
        // given
        Pattern choiceId = Pattern.compile("[a-z0-9]{1,8}");
        List<Action> actions = new ArrayList<>(BANK.moves());
        BANK.boarding().forEach(s -> actions.addAll(s.actions()));
        BANK.scenes().forEach(s -> actions.addAll(s.actions()));

        // when
        Set<String> ids = new HashSet<>();
        Set<String> outcomes = new HashSet<>();
        actions.forEach(a -> {
            ids.add(a.id());
            outcomes.add(a.outcome());
        });

        // then
        actions.forEach(a -> assertTrue(choiceId.matcher(a.id()).matches(), a.id()));
        assertEquals(actions.size(), ids.size(), "ids are unique");
        assertEquals(actions.size(), outcomes.size(), "outcomes are unique");
    }

    @Test
    void stationsAndPassengersHaveDistinctNames() {
        // when
        long stations = BANK.stations().stream().map(Station::name).distinct().count();
        long passengers = BANK.passengers().stream().map(Passenger::shortName).distinct().count();

        // then
        assertEquals(BANK.stations().size(), stations);
        assertEquals(BANK.passengers().size(), passengers);
    }
}
