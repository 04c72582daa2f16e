package com.liminaltransit.admin.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.testing.ServerProcess;
import com.liminaltransit.testing.Writers;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A writers' room setting that would break sign-in stops the packaged server at start-up, naming the setting:
 * the server must never report ready while {@code /admin/login} would answer 500 or lock every writer out.
 */
class BadWriterSettingsStopStartUpIT {

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(
                        Map.of("liminal.admin.users", "ada", "liminal.admin.ada.password-hash", "$2y$04$tooShort"),
                        "liminal.admin.ada.password-hash is not a bcrypt hash"),
                Arguments.of(
                        Map.of("liminal.admin.users", "ada!", "liminal.admin.ada!.password-hash", Writers.ADA_HASH),
                        "'ada!' is not a username"),
                Arguments.of(
                        Map.of(
                                "liminal.admin.users",
                                "ada,Ada",
                                "liminal.admin.ada.password-hash",
                                Writers.ADA_HASH,
                                "liminal.admin.Ada.password-hash",
                                Writers.BO_HASH),
                        "'Ada' is listed twice"),
                Arguments.of(
                        Map.of(
                                "liminal.admin.users",
                                "ada",
                                "liminal.admin.ada.password-hash",
                                Writers.ADA_HASH,
                                "liminal.admin.login.failures-per-user",
                                "0"),
                        "liminal.admin.login.failures-per-user must be at least 1"),
                Arguments.of(Map.of("liminal.admin.session.idle", "soon"), "liminal.admin.session.idle"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSettings")
    void aBadWriterSettingStopsStartUpNamingIt(Map<String, String> settings, String named) {
        // given one bad writers' room setting; when the server starts; then it exits, saying what is wrong
        assertThatThrownBy(() -> ServerProcess.start(settings).close())
                .hasMessageContaining("server exited with 1")
                .hasMessageContaining(named)
                .hasMessageNotContaining(Writers.ADA_HASH.substring(7));
    }
}
