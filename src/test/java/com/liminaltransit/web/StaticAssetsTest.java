package com.liminaltransit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticAssetsTest {

    private final StaticAssets assets = new StaticAssets(Map.of(
            "css/transit.css", "body{}".getBytes(StandardCharsets.UTF_8),
            "js/htmx.min.js", "x".getBytes(StandardCharsets.UTF_8),
            "LICENSE", "text".getBytes(StandardCharsets.UTF_8)));

    @Test
    void theHashGoesBeforeTheLastExtension() {
        assertThat(StaticAssets.versionedName("css/transit.css", "abc")).isEqualTo("css/transit.abc.css");
        assertThat(StaticAssets.versionedName("js/htmx.min.js", "abc")).isEqualTo("js/htmx.min.abc.js");
        assertThat(StaticAssets.versionedName("LICENSE", "abc")).isEqualTo("LICENSE.abc");
        assertThat(StaticAssets.versionedName("dir.d/file", "abc")).isEqualTo("dir.d/file.abc");
    }

    @Test
    void pagesGetTheHashedNameOfOurFilesAndEverythingElseUnchanged() {
        String css = assets.url("/static/css/transit.css");

        assertThat(css).matches("/static/css/transit\\.[0-9a-f]{12}\\.css");
        assertThat(assets.url("/static/css/missing.css")).isEqualTo("/static/css/missing.css");
        assertThat(assets.url("/stories/x")).isEqualTo("/stories/x");
        assertThat(assets.find(css))
                .hasValueSatisfying(found -> assertThat(found.immutable()).isTrue());
        assertThat(assets.find("/static/css/transit.css"))
                .hasValueSatisfying(found -> assertThat(found.immutable()).isFalse());
        assertThat(assets.find("/static/css/transit.000000000000.css")).isEmpty();
        assertThat(assets.find("/webjars/css/transit.css")).isEmpty();
    }

    @Test
    void theTypeFollowsTheExtension() {
        assertThat(assets.find("/static/css/transit.css").orElseThrow().asset().contentType())
                .startsWith("text/css");
        assertThat(assets.find("/static/js/htmx.min.js").orElseThrow().asset().contentType())
                .startsWith("text/javascript");
    }
}
