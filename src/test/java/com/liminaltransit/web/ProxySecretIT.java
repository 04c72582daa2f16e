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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With a proxy secret set (in AWS), only requests that came through CloudFront are served: anyone who finds the
 * origin's address gets a 403 page for every path, static files included; the load balancer's health checks stay
 * open; during a rotation the previous secret is accepted too.
 */
@HelidonTest
@AddConfig(key = "liminal.web.proxy-secret", value = "the-current-secret-0123456789abcdef")
@AddConfig(key = "liminal.web.proxy-secret-previous", value = "the-previous-secret-0123456789abcd")
@AddConfig(key = "liminal.web.trust-forwarded", value = "true")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:proxy-secret;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class ProxySecretIT {

    private static final String HEADER = "X-Liminal-Proxy-Secret";
    private static final List<String> PATHS = List.of(
            "/", "/static/css/transit.css", "/webjars/htmx.org/2.0.8/dist/htmx.min.js", "/nowhere", "/admin/login");

    @Inject
    private WebTarget target;

    @Test
    void everyPathWithoutTheSecretIsRefusedWithAPlainPage() {
        // given a client that reached the origin directly
        PlayerClient stranger = new PlayerClient(base());

        for (String path : PATHS) {
            // when it asks for anything
            Answer refused = stranger.get(path);

            // then it gets the site's 403 page, which says nothing of why
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.html().select(".problem[data-status=403]"))
                    .as(path)
                    .isNotEmpty();
            assertThat(refused.body().toLowerCase()).as(path).doesNotContain("secret", "proxy", "cloudfront");
            assertThat(refused.header("Cache-Control")).as(path).hasValue("no-store");
            assertThat(refused.header("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(refused.headers("Set-Cookie")).as(path).isEmpty();
        }
    }

    @Test
    void aWrongSecretIsRefusedAndBoardsNothing() {
        PlayerClient guesser = new PlayerClient(base());

        Answer page = guesser.send(HttpRequest.newBuilder(guesser.uri("/")).header(HEADER, "the-current-secret"));
        Answer boarding = guesser.send(HttpRequest.newBuilder(guesser.uri("/stories"))
                .header(HEADER, "the-current-secret-0123456789abcdeF")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(page.status()).isEqualTo(403);
        assertThat(boarding.status()).isEqualTo(403);
        assertThat(boarding.header("Location")).isEmpty();
    }

    @Test
    void theCurrentAndThePreviousSecretAreBothServed() {
        for (String secret : List.of("the-current-secret-0123456789abcdef", "the-previous-secret-0123456789abcd")) {
            // given CloudFront, before or after it changed over to the new secret
            PlayerClient player = new PlayerClient(base(), Map.of(HEADER, secret));

            // when a player boards and loads what the page needs, then everything is served
            for (String path : List.of("/", "/static/css/transit.css", "/webjars/htmx.org/2.0.8/dist/htmx.min.js")) {
                assertThat(player.get(path).status()).as(path).isEqualTo(200);
            }
            Answer boarded = player.send(
                    HttpRequest.newBuilder(player.uri("/stories")).POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(boarded.status()).isEqualTo(303);
            assertThat(player.get(boarded.header("Location").orElseThrow()).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void theHealthChecksNeedNoSecret() {
        PlayerClient loadBalancer = new PlayerClient(base());

        assertThat(loadBalancer.get("/health/live").status()).isEqualTo(200);
        assertThat(loadBalancer.get("/health/ready").status()).isEqualTo(200);
        assertThat(loadBalancer.get("/health/ready").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    private URI base() {
        return URI.create(target.getUri().toString());
    }
}
