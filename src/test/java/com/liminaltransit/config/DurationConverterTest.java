package com.liminaltransit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationConverterTest {

    @Test
    void readsEachUnitAnOperatorWrites() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("15s")).isEqualTo(Duration.ofSeconds(15));
        assertThat(DurationConverter.parse(" 30M ")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DurationConverter.parse("8h")).isEqualTo(Duration.ofHours(8));
        assertThat(DurationConverter.parse("1d")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void refusesOtherNotationsNamingTheValue() {
        for (String bad : new String[] {"PT30M", "30", "1.5h", "-5s", "5 s", "5w"}) {
            assertThatThrownBy(() -> DurationConverter.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("30m");
        }
    }
}
