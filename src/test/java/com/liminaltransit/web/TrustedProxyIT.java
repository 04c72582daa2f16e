package com.liminaltransit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Behind a trusted proxy (CloudFront) that says the player used HTTPS: cookies are Secure, redirects stay HTTPS. */
@HelidonTest
@AddConfig(key = "liminal.web.trust-forwarded", value = "true")
@AddConfig(key = "liminal.db.url", value = "jdbc:h2:mem:proxy;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class TrustedProxyIT {

    @Inject
    private WebTarget target;

    @Test
    void httpsSeenByTheProxyMakesTheCookieSecureAndKeepsRedirectsOnHttps() {
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));

        Answer boarded = player.send(HttpRequest.newBuilder(player.uri("/stories"))
                .header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(boarded.status()).isEqualTo(303);
        assertThat(boarded.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("https://"));
        assertThat(boarded.headers("Set-Cookie"))
                .anySatisfy(c -> assertThat(c)
                        .startsWith("__Host-lt_player=")
                        .contains("Secure")
                        .contains("HttpOnly")
                        .contains("Path=/")
                        .doesNotContainIgnoringCase("Domain"));
    }

    @Test
    void plainHttpFromTheProxyStaysPlain() {
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));

        Answer landing = player.send(HttpRequest.newBuilder(player.uri("/")).header("X-Forwarded-Proto", "http"));

        assertThat(landing.headers("Set-Cookie")).anySatisfy(c -> assertThat(c).doesNotContain("Secure"));
    }
}
