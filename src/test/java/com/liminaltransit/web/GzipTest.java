package com.liminaltransit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GzipTest {

    @ParameterizedTest(name = "Accept-Encoding: {0} → gzip {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "gzip, deflate, br, zstd | true",
                "br;q=1.0, gzip;q=0.8 | true",
                "GZIP | true",
                "x-gzip | true",
                "* | true",
                "*;q=0.5, gzip;q=0 | false",
                "gzip;q=0, identity | false",
                "gzip; q=0.000 | false",
                "gzip;q=oops | false",
                "identity | false",
                "br | false",
                "'' | false",
                "none | false"
            })
    void gzipIsSentOnlyWhereTheClientAllowsIt(String acceptEncoding, boolean expected) {
        assertThat(Gzip.acceptsGzip(acceptEncoding)).isEqualTo(expected);
    }
}
