package com.liminaltransit.narrative.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.QuotaExhaustedException;
import com.liminaltransit.narrative.RateLimitedException;
import com.liminaltransit.narrative.RetryableNarrativeException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderFailuresTest {

    @ParameterizedTest
    @CsvSource({
        "429, RateLimitedException",
        "401, ProviderAuthException",
        "403, ProviderAuthException",
        "408, ProviderTimeoutException",
        "500, ProviderUnavailableException",
        "503, ProviderUnavailableException",
        "529, ProviderUnavailableException",
        "424, ProviderUnavailableException",
        "400, RejectedRequestException",
        "404, RejectedRequestException"
    })
    void statusMapsToOurHierarchy(int status, String type) {
        // when
        NarrativeException failure = ProviderFailures.forStatus("openai", status, null, "detail");
        // then
        assertThat(failure.getClass().getSimpleName()).isEqualTo(type);
        assertThat(failure).hasMessageContaining("openai").hasMessageContaining(Integer.toString(status));
    }

    @Test
    void onlyTransientFailuresAreRetryable() {
        // then
        assertThat(ProviderFailures.forStatus("v", 429, "1", null)).isInstanceOf(RetryableNarrativeException.class);
        assertThat(ProviderFailures.forStatus("v", 503, null, null)).isInstanceOf(RetryableNarrativeException.class);
        assertThat(ProviderFailures.forStatus("v", 401, null, null)).isNotInstanceOf(RetryableNarrativeException.class);
        assertThat(ProviderFailures.forStatus("v", 400, null, null)).isNotInstanceOf(RetryableNarrativeException.class);
        assertThat(ProviderFailures.forStatus("v", 429, null, "insufficient_quota"))
                .isInstanceOf(QuotaExhaustedException.class);
    }

    @Test
    void retryAfterIsReadAsSecondsOrHttpDate() {
        // given
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        // then
        assertThat(ProviderFailures.retryAfter("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(ProviderFailures.retryAfter("0.5")).isEqualTo(Duration.ofMillis(500));
        assertThat(ProviderFailures.retryAfter(date)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31));
        assertThat(ProviderFailures.retryAfter("soon")).isNull();
        assertThat(ProviderFailures.retryAfter(null)).isNull();
    }

    @Test
    void rateLimitCarriesItsWait() {
        // when
        NarrativeException failure = ProviderFailures.forStatus("v", 429, "3", null);
        // then
        assertThat(((RateLimitedException) failure).retryAfter()).contains(Duration.ofSeconds(3));
    }
}
