package com.liminaltransit.narrative.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiceTest {

    @Test
    void sequenceIsSplitMix64SoRidesReplayOnAnyJvm() {
        // given the published first output of SplitMix64 for seed 0
        Dice dice = new Dice(0);

        // when / then
        assertEquals(0xE220A8397B1DCDAFL, dice.nextLong());
    }

    @Test
    void eachStopAndPurposeHasItsOwnStream() {
        // given the same seed
        long seed = 42;

        // when
        long stopOne = Dice.of(seed, 1, 2).nextLong();
        long stopTwo = Dice.of(seed, 2, 2).nextLong();
        long otherPurpose = Dice.of(seed, 1, 3).nextLong();

        // then
        assertEquals(stopOne, Dice.of(seed, 1, 2).nextLong());
        assertNotEquals(stopOne, stopTwo);
        assertNotEquals(stopOne, otherPurpose);
    }

    @Test
    void shuffleKeepsEveryElement() {
        // given
        List<Integer> numbers = List.of(1, 2, 3, 4, 5, 6, 7, 8);

        // when
        List<Integer> shuffled = new Dice(7).shuffled(numbers);

        // then
        assertEquals(numbers, shuffled.stream().sorted().toList());
    }
}
