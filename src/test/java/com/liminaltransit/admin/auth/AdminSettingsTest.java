package com.liminaltransit.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.testing.Writers;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

class AdminSettingsTest {

    @Test
    void noUsersMeansNoAccount() {
        AdminSettings settings = new AdminSettings(config(Map.of()));

        assertThat(settings.hasAccounts()).isFalse();
    }

    @Test
    void listedUsersWithBcryptHashesAreAccounts() {
        AdminSettings settings = new AdminSettings(config(Map.of(
                "liminal.admin.users",
                " ada , bo ",
                "liminal.admin.ada.password-hash",
                Writers.ADA_HASH,
                "liminal.admin.bo.password-hash",
                Writers.BO_HASH)));

        assertThat(settings.usernames()).containsExactlyInAnyOrder("ada", "bo");
    }

    @Test
    void listedNamesAreNormalisedOnceSoAnySpellingFindsTheAccount() {
        AdminSettings settings = new AdminSettings(
                config(Map.of("liminal.admin.users", " Ada ", "liminal.admin.Ada.password-hash", Writers.ADA_HASH)));

        assertThat(settings.usernames()).containsExactly("ada");
        assertThat(settings.hashOf(Usernames.normalise("ADA"))).isEqualTo(Writers.ADA_HASH);
        assertThat(settings.hashOf(Usernames.normalise(" ada "))).isEqualTo(Writers.ADA_HASH);
        assertThat(Usernames.normalise("\tAdA\n")).isEqualTo("ada");
    }

    @Test
    void aNameListedTwiceInAnyCaseStopsStartUp() {
        assertThatThrownBy(() -> new AdminSettings(config(Map.of(
                        "liminal.admin.users",
                        "ada, ADA",
                        "liminal.admin.ada.password-hash",
                        Writers.ADA_HASH,
                        "liminal.admin.ADA.password-hash",
                        Writers.BO_HASH))))
                .hasMessageContaining("'ADA' is listed twice");
    }

    @Test
    void aNameThatIsNotAUsernameStopsStartUp() {
        assertThatThrownBy(() -> new AdminSettings(config(Map.of("liminal.admin.users", "ada lovelace"))))
                .hasMessageContaining("'ada lovelace' is not a username");
    }

    @Test
    void listedUserWithoutAHashStopsStartUpWithoutPrintingSecrets() {
        assertThatThrownBy(() -> new AdminSettings(config(Map.of("liminal.admin.users", "ada"))))
                .hasMessageContaining("liminal.admin.ada.password-hash is not set");
    }

    @Test
    void plainTextPasswordInsteadOfAHashStopsStartUpWithoutEchoingIt() {
        assertThatThrownBy(() -> new AdminSettings(config(
                        Map.of("liminal.admin.users", "ada", "liminal.admin.ada.password-hash", "hunter2-plaintext"))))
                .hasMessageContaining("is not a bcrypt hash")
                .hasMessageNotContaining("hunter2");
    }

    private static Config config(Map<String, String> values) {
        ConfigSource source = new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public String getValue(String name) {
                return values.get(name);
            }

            @Override
            public String getName() {
                return "test";
            }
        };
        return ConfigProviderResolver.instance()
                .getBuilder()
                .withSources(source)
                .withConverters()
                .build();
    }
}
