package com.liminaltransit.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.testing.ServerProcess;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A setting that would break a feature stops the packaged server at start-up, naming the setting and the value: a
 * server must never report ready while every boarding (or every sign-in) would fail.
 */
class BadSettingsStopStartUpIT {

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("liminal.limits.board-per-player", "12/hour", "liminal.limits.board-per-player"),
                Arguments.of("liminal.limits.choose-per-address", "lots", "liminal.limits.choose-per-address"),
                Arguments.of("liminal.db.auth", "kerberos", "liminal.db.auth"),
                Arguments.of("liminal.db.idle-timeout", "5s", "liminal.db.idle-timeout"),
                Arguments.of("liminal.story.retries-per-stop", "12", "liminal.story.retries-per-stop"),
                Arguments.of("liminal.story.retries-per-stop", "two", "liminal.story.retries-per-stop"),
                Arguments.of("liminal.safety.checks", "rules,perspective", "liminal.safety.checks"),
                Arguments.of("liminal.safety.checks", "rules,guardrail", "liminal.safety.guardrail.id"),
                Arguments.of("liminal.safety.on-unavailable", "shrug", "liminal.safety.on-unavailable"),
                Arguments.of(
                        "liminal.safety.comprehend.threshold.sexual",
                        "1.5",
                        "liminal.safety.comprehend.threshold.sexual"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badSettings")
    void aMalformedSettingStopsStartUpNamingIt(String key, String value, String named) {
        // given one malformed setting; when the server starts; then it exits, saying what is wrong
        assertThatThrownBy(() -> ServerProcess.start(Map.of(key, value)).close())
                .hasMessageContaining("server exited with 1")
                .hasMessageContaining(named);
    }
}
