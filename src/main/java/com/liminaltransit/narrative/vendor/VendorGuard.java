package com.liminaltransit.narrative.vendor;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.RetryableNarrativeException;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The fault tolerance every vendor call has for players, written once: each attempt is cut at 10 s; throttling, 5xx,
 * timeouts and dropped connections are retried twice; a provider failing most calls is skipped for 30 s; at most
 * 256 calls at once. Players wait on virtual threads: the bulkhead bounds what one server asks of a vendor at once,
 * above the ~200 concurrent players an instance takes (App Runner / ECS), so players are not sent to offline early.
 *
 * <p>Each provider puts it on its own {@code generate}, not on an inherited one: Helidon reads the per-provider
 * overrides under the class that declares the guarded method, e.g.
 * {@code com.liminaltransit.narrative.openai.OpenAiProvider/generate/Timeout/value}, and names the FT metrics after
 * it; the breaker and bulkhead are kept per bean class. Helidon follows FT annotations through an interceptor
 * binding like this one.
 */
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@Retry(
        maxRetries = 2,
        delay = 200,
        jitter = 100,
        maxDuration = 18,
        durationUnit = ChronoUnit.SECONDS,
        retryOn = RetryableNarrativeException.class)
@CircuitBreaker(
        requestVolumeThreshold = 8,
        failureRatio = 0.75,
        delay = 30,
        delayUnit = ChronoUnit.SECONDS,
        failOn = NarrativeException.class)
@Bulkhead(256)
@InterceptorBinding
@Target({METHOD, TYPE})
@Retention(RUNTIME)
public @interface VendorGuard {}
