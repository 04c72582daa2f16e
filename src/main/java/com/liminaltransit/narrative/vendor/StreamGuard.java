package com.liminaltransit.narrative.vendor;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.SentenceRefusedException;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * The fault tolerance of a streamed vendor call: the breaker and bulkhead of {@link VendorGuard}, without its retry
 * and attempt timeout. A stream is never retried (the player may already have read part of it: the next link of
 * the chain continues instead), and it is cut by its stall watch ({@code liminal.stream.stall-timeout}) and the
 * step deadline rather than a fixed time for the whole answer. A refused sentence is not the vendor's fault, so it
 * does not count toward the breaker.
 */
@CircuitBreaker(
        requestVolumeThreshold = 8,
        failureRatio = 0.75,
        delay = 30,
        delayUnit = ChronoUnit.SECONDS,
        failOn = NarrativeException.class,
        skipOn = SentenceRefusedException.class)
@Bulkhead(256)
@InterceptorBinding
@Target({METHOD, TYPE})
@Retention(RUNTIME)
public @interface StreamGuard {}
