package com.liminaltransit.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The language switch sends a player back to a page of this site, never anywhere else. */
class ReturnPathTest {

    private static final Predicate<String> OWN = origin -> origin.equals("https://liminal.example");

    @ParameterizedTest
    @ValueSource(strings = {"/", "/stories/abc", "/stories/abc?stop=3&x=%2F%2Fy", "/stories/a/stops/2#stop-2"})
    void aLocalPathInTheFormIsFollowed(String path) {
        assertThat(ReturnPath.of(path, "https://evil.example/", OWN)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//evil.example",
                "//evil.example/x",
                "/\\evil.example",
                "\\/evil.example",
                "https://evil.example/",
                "javascript:alert(1)",
                "evil.example/x",
                "/x y",
                "/\tx",
                "/\u00e9",
                ""
            })
    void anythingElseInTheFormIsNot(String field) {
        assertThat(ReturnPath.of(field, null, OWN)).isEqualTo("/");
    }

    @ParameterizedTest
    @CsvSource({
        "https://liminal.example/stories/abc?stop=2, /stories/abc?stop=2",
        "https://liminal.example, /",
        "https://evil.example/stories/abc, /",
        "http://liminal.example/stories/abc, /",
        "https://user@liminal.example/x, /",
        "ftp://liminal.example/x, /",
        "not a url, /"
    })
    void theRefererIsFollowedOnlyFromThisSite(String referer, String expected) {
        assertThat(ReturnPath.of(null, referer, OWN)).isEqualTo(expected);
    }
}
