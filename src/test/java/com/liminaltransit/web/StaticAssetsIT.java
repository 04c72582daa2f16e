package com.liminaltransit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Rides;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages name our stylesheets and scripts by content-hashed addresses that may be cached for a year; the plain
 * names still answer, briefly cacheable; the htmx WebJar's versioned path is cached for a year too.
 */
@HelidonTest
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:static-assets;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class StaticAssetsIT {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String HASHED =
            "^/static/(css|js)/[a-z]+\\.[0-9a-f]{12}\\.(css|js)$|^/static/favicon\\.[0-9a-f]{12}\\.svg$";

    @Inject
    private WebTarget target;

    private PlayerClient player;

    @BeforeEach
    void newPlayer() {
        player = new PlayerClient(URI.create(target.getUri().toString()));
    }

    @Test
    void pagesNameOurFilesByContentHashAndThoseAnswerImmutable() {
        // given the pages a player and a writer see
        String ride = "/stories/" + Rides.board(player);
        List<String> assets = new ArrayList<>();
        for (String page : List.of("/", ride, "/admin/login", "/nowhere")) {
            Document html = player.get(page).html();
            assets.addAll(html.select("link[href^=/static/]").eachAttr("href"));
            assets.addAll(html.select("script[src^=/static/]").eachAttr("src"));
        }

        // then every one of our files is named by its hash
        assertThat(assets)
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).matches(HASHED))
                .anySatisfy(url -> assertThat(url).startsWith("/static/css/transit."))
                .anySatisfy(url -> assertThat(url).startsWith("/static/js/ride."))
                .anySatisfy(url -> assertThat(url).startsWith("/static/css/admin."));
        // and each answers with its content, cacheable for a year, anywhere
        for (String url : assets) {
            Answer file = player.get(url);
            assertThat(file.status()).as(url).isEqualTo(200);
            assertThat(file.header("Cache-Control")).as(url).hasValue(IMMUTABLE);
            assertThat(file.header("ETag")).as(url).isPresent();
            assertThat(file.header("X-Content-Type-Options")).as(url).hasValue("nosniff");
            assertThat(file.body()).as(url).isEqualTo(player.get(plain(url)).body());
        }
    }

    @Test
    void theHashedNameMatchesTheContentAndItsTypeIsRight() {
        String css = player.get("/").html().select("link[rel=stylesheet]").attr("href");

        Answer file = player.get(css);

        String hash = css.replaceAll("^.*\\.([0-9a-f]{12})\\.css$", "$1");
        assertThat(sha256(file.body())).startsWith(hash);
        assertThat(file.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }

    @Test
    void plainNamesStillAnswerButOnlyBriefly() {
        for (String path : List.of("/static/css/transit.css", "/static/js/ride.js", "/static/favicon.svg")) {
            Answer file = player.get(path);

            assertThat(file.status()).as(path).isEqualTo(200);
            assertThat(file.header("Cache-Control")).as(path).hasValue("public, max-age=300");
        }
    }

    @Test
    void anUnknownHashIsTheNotFoundPageAndNeverCached() {
        Answer stale = player.get("/static/css/transit.000000000000.css");
        Answer missing = player.get("/static/css/nothing.css");
        Answer directory = player.get("/static/css/");

        for (Answer answer : List.of(stale, missing, directory)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.html().select(".problem[data-status=404]")).isNotEmpty();
            assertThat(answer.header("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void aRevalidationWithTheSameETagIsNotModified() {
        Answer first = player.get("/static/css/transit.css");

        Answer again = player.send(HttpRequest.newBuilder(player.uri("/static/css/transit.css"))
                .header("If-None-Match", first.header("ETag").orElseThrow()));

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void theVersionedWebJarIsImmutableToo() {
        String htmx = player.get("/stories/" + Rides.board(player))
                .html()
                .select("script[src*=htmx]")
                .attr("src");

        Answer script = player.get(htmx);
        Answer unknown = player.get("/webjars/htmx.org/0.0.0/dist/htmx.min.js");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Cache-Control")).hasValue(IMMUTABLE);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Cache-Control")).hasValue("no-store");
    }

    @Test
    void pagesKeepTheirPolicyAndAreNeverCached() {
        Answer landing = player.get("/");

        assertThat(landing.header("Cache-Control")).hasValue("no-store");
        assertThat(landing.header("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("style-src 'self'", "script-src 'self'"));
    }

    private static String plain(String hashed) {
        return hashed.replaceAll("\\.[0-9a-f]{12}(\\.[a-z]+)$", "$1");
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
