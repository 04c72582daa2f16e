package com.liminaltransit.narrative.offline;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(ContentBank.shared()).isSameAs(BANK);
    }

    @Test
    void bankHoldsEnoughToWriteVariedRides() {
        // then
        assertThat(BANK.stations()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(BANK.passengers()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(BANK.items()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(BANK.scenes()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(BANK.boarding()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(BANK.prose().openings()).hasSizeGreaterThanOrEqualTo(10);
        for (Ending ending : Ending.values()) {
            assertThat(BANK.prose().endings().get(ending))
                    .as(ending + " needs variants")
                    .hasSizeGreaterThanOrEqualTo(2);
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
        assertThat(actions).allSatisfy(a -> assertThat(a.id()).as(a.id()).matches(choiceId));
        assertThat(ids).as("ids are unique").hasSameSizeAs(actions);
        assertThat(outcomes).as("outcomes are unique").hasSameSizeAs(actions);
    }

    @Test
    void stationsAndPassengersHaveDistinctNames() {
        // when
        long stations = BANK.stations().stream().map(Station::name).distinct().count();
        long passengers =
                BANK.passengers().stream().map(Passenger::shortName).distinct().count();

        // then
        assertThat(stations).isEqualTo(BANK.stations().size());
        assertThat(passengers).isEqualTo(BANK.passengers().size());
    }
}
