package com.liminaltransit.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.http.WritableHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Http1GuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Content-Length=0", "Content-Length=120", "Transfer-Encoding=chunked"})
    void plainFramingPasses(String framing) {
        assertThatCode(() -> Http1Guard.checkFraming(headers(framing))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Content-Length=0|Content-Length=5",
                "Content-Length=5|Content-Length=5",
                "Content-Length=0, 5",
                "Content-Length=-1",
                "Content-Length=+5",
                "Content-Length=0x10",
                "Content-Length= ",
                "Transfer-Encoding=gzip, chunked",
                "Transfer-Encoding=chunked, identity",
                "Transfer-Encoding=Chunked",
                "Transfer-Encoding=identity",
                "Transfer-Encoding=chunked|Transfer-Encoding=chunked",
                "Transfer-Encoding=chunked|Content-Length=5"
            })
    void ambiguousFramingIsABadRequest(String framing) {
        assertThatThrownBy(() -> Http1Guard.checkFraming(headers(framing)))
                .isInstanceOf(RequestException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(
                                ((RequestException) e).status().code())
                        .isEqualTo(400));
    }

    /** {@code Name=value|Name=value}: each pair one header line. */
    private static WritableHeaders<?> headers(String lines) {
        WritableHeaders<?> headers = WritableHeaders.create();
        if (lines.isEmpty()) {
            return headers;
        }
        for (String line : lines.split("\\|")) {
            String[] pair = line.split("=", 2);
            headers.add(HeaderNames.create(pair[0]), pair[1]);
        }
        return headers;
    }
}
