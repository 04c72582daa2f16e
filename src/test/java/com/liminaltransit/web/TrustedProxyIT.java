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

/** Behind a trusted proxy (CloudFront) that says the player used HTTPS: cookies are Secure, redirects stay on the site. */
@HelidonTest
@AddConfig(key = "liminal.web.trust-forwarded", value = "true")
@AddConfig(key = "liminal.db.url", value = "jdbc:h2:mem:proxy;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class TrustedProxyIT {

    @Inject
    private WebTarget target;

    @Test
    void httpsSeenByTheProxyMakesTheCookieSecureAndRedirectsNameOnlyAPath() {
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));

        Answer boarded = player.send(HttpRequest.newBuilder(player.uri("/stories"))
                .header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(boarded.status()).isEqualTo(303);
        // a path: the browser stays on the HTTPS address it asked, whatever Host the proxy sent us
        assertThat(boarded.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/stories/"));
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

    @Test
    void theOriginIsJudgedAgainstTheHostTheProxyReports() {
        // given CloudFront, which sends us its origin's host name and the viewer's in X-Forwarded-Host
        PlayerClient player = new PlayerClient(URI.create(target.getUri().toString()));
        String ownHost = "http://localhost:" + target.getUri().getPort();

        // when pages of the public site, and of the origin's own name, post the boarding form
        Answer fromThePublicSite = player.send(behindTheProxy(player, "https://liminal.example"));
        Answer fromTheOriginsName = player.send(behindTheProxy(player, ownHost));

        // then only the public site's is served
        assertThat(fromThePublicSite.status()).isEqualTo(303);
        assertThat(fromTheOriginsName.status()).isEqualTo(403);
    }

    private static HttpRequest.Builder behindTheProxy(PlayerClient player, String origin) {
        return HttpRequest.newBuilder(player.uri("/stories"))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "liminal.example")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.noBody());
    }
}
