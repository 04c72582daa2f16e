package com.liminaltransit.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no writer configured there is no way in, and the room says how to configure one. */
@HelidonTest
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:admin-none;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class NoWriterAccountIT {

    @Inject
    private WebTarget target;

    @Test
    void adminExplainsHowToConfigureAnAccountAndHowToMakeAHash() {
        PlayerClient browser = new PlayerClient(URI.create(target.getUri().toString()));

        Answer admin = browser.get("/admin");
        Answer login =
                browser.get(URI.create(admin.header("Location").orElseThrow()).getPath());

        assertThat(admin.status()).isEqualTo(303);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.html().select("form.login-form")).isEmpty();
        assertThat(login.html().select(".setup").text())
                .contains("No writer account is configured", "LIMINAL_ADMIN_USERS", "HashPassword", "htpasswd");
    }

    @Test
    void noDefaultAccountSignsIn() {
        PlayerClient browser = new PlayerClient(URI.create(target.getUri().toString()));

        Answer tried = browser.post("/admin/login", Map.of("username", "admin", "password", "admin"));

        assertThat(tried.headers("Set-Cookie")).noneMatch(c -> c.startsWith("lt_admin="));
        assertThat(browser.get("/admin").status()).isEqualTo(303);
    }
}
