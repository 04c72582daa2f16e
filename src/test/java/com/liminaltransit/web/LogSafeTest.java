package com.liminaltransit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void lineBreaksAndControlsAreWrittenAsEscapes() {
        assertThat(LogSafe.text("a\r\nFORGED\tb\u0000c\u2028d\u202Ee\\n"))
                .isEqualTo("a\\r\\nFORGED\\tb\\u0000c\\u2028d\\u202ee\\\\n");
    }

    @Test
    void longTextIsCutAndSaysHowLongItWas() {
        String logged = LogSafe.text("a".repeat(100_000));

        assertThat(logged).hasSizeLessThan(400).endsWith("…(100000 chars)");
    }

    @Test
    void aFailureIsLoggedWithItsClassesAndTracesButSafeMessages() {
        IllegalStateException failure = new IllegalStateException(
                "POST /x;y=\r\nFORGED", new NumberFormatException("String value " + "a".repeat(5000)));

        Throwable logged = LogSafe.throwable(failure);

        assertThat(logged.toString()).isEqualTo("java.lang.IllegalStateException: POST /x;y=\\r\\nFORGED");
        assertThat(logged.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(logged.getCause().toString())
                .startsWith("java.lang.NumberFormatException: String value aaa")
                .hasSizeLessThan(400);
        assertThat(LogSafe.text(null)).isEqualTo("null");
    }
}
