package com.liminaltransit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/stories",
                "/stories/",
                "/stories/0f8fad5b-d9cb-469f-a165-70867728950e/choices",
                "/static/css/transit.css",
                "/webjars/htmx.org/2.0.8/dist/htmx.min.js",
                "/admin/prompts/3",
                "/health/live",
                "/stories/%3Cscript%3E",
                "/stories/%E2%98%83",
                "/a:b@c~d"
            })
    void ourOwnSpellingsAreCanonical(String path) {
        assertThat(CanonicalPaths.canonical(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "metrics",
                "//",
                "///",
                "///x",
                "//metrics",
                "/a//b",
                "/./metrics",
                "/a/../metrics",
                "/..",
                "/.",
                "/%2e/metrics",
                "/%2E%2E/metrics",
                "/%6detrics",
                "/%6Detrics",
                "/metrics;x=1",
                "/stories;x=1",
                "/stories/a;b/choices",
                "/%3Bx",
                "/%2fmetrics",
                "/%2Fmetrics",
                "/a%5Cb",
                "/a%00b",
                "/a%0d%0ab",
                "/%3cscript%3e",
                "/%zz",
                "/%4",
                "/%C3",
                "/a b",
                "/a\\b",
                "/caf\u00e9"
            })
    void everyOtherSpellingIsNot(String path) {
        assertThat(CanonicalPaths.canonical(path)).isFalse();
    }
}
