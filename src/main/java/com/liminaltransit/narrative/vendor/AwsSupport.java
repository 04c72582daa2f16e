package com.liminaltransit.narrative.vendor;

import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.ProviderTimeoutException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * What the AWS providers (Bedrock, SageMaker) share: one way to build a sync client (the JDK's
 * {@code HttpURLConnection}, the default credentials chain, no SDK retries: MicroProfile Fault Tolerance owns them)
 * and one mapping of SDK failures onto our exception hierarchy.
 */
public final class AwsSupport {

    private AwsSupport() {}

    /** The configured region, else the SDK's default chain ({@code AWS_REGION}, profile, instance metadata). */
    public static Optional<String> region(Optional<String> configured) {
        if (configured.filter(region -> !region.isBlank()).isPresent()) {
            return configured;
        }
        return DefaultRegion.VALUE;
    }

    /**
     * The default chain's answer, looked up once (on first use, by the JVM's lazy class initialisation): off AWS its
     * last step asks the instance metadata service and waits about a second for no answer, which every writers'
     * page listing the providers paid twice before.
     */
    private static final class DefaultRegion {
        static final Optional<String> VALUE = lookUp();

        private static Optional<String> lookUp() {
            try {
                return Optional.of(
                        new DefaultAwsRegionProviderChain().getRegion().id());
            } catch (RuntimeException none) {
                return Optional.empty();
            }
        }
    }

    /** The region a provider needs: its own key, or the SDK's default chain. */
    public static VendorProvider.Setting regionSetting(String vendor, Optional<String> configured) {
        return new VendorProvider.Setting(
                "liminal.ai." + vendor + ".region (or AWS_REGION)",
                () -> region(configured).isPresent());
    }

    /**
     * Sets up a client builder the same way for every AWS provider.
     *
     * @param region   the configured region, else the default chain's
     * @param timeout  for the whole call, body included
     * @param endpoint an endpoint override (tests, VPC endpoints), if any
     */
    public static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C build(
            String vendor, B builder, Optional<String> region, Duration timeout, Optional<String> endpoint) {
        String where = region(region).orElseThrow(() -> new NarrativeException(vendor + " has no region"));
        builder.region(Region.of(where))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(timeout)
                        .build())
                .overrideConfiguration(
                        config -> config.apiCallTimeout(timeout).retryStrategy(AwsRetryStrategy.doNotRetry()));
        endpoint.filter(uri -> !uri.isBlank()).map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Runs one SDK call, turning its failures into ours. */
    public static <T> T call(String vendor, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw failure(vendor, e);
        }
    }

    /** Our exception for an SDK failure; keeps the interrupt flag when the call was interrupted. */
    public static NarrativeException failure(String vendor, SdkException e) {
        if (e instanceof AwsServiceException service) {
            var details = service.awsErrorDetails();
            String retryAfter = details == null || details.sdkHttpResponse() == null
                    ? null
                    : details.sdkHttpResponse()
                            .firstMatchingHeader("Retry-After")
                            .orElse(null);
            String detail = details == null
                    ? service.getMessage()
                    : details.errorCode() + (details.errorMessage() == null ? "" : ": " + details.errorMessage());
            return ProviderFailures.forStatus(vendor, service.statusCode(), retryAfter, detail);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new ProviderTimeoutException(vendor + " did not answer in time", e);
        }
        if (e instanceof AbortedException
                || Thread.currentThread().isInterrupted()
                || causedBy(e, InterruptedException.class)) {
            Thread.currentThread().interrupt();
            return new NarrativeException(vendor + " call interrupted", e);
        }
        if (causedBy(e, SocketTimeoutException.class)) {
            return new ProviderTimeoutException(vendor + " did not answer in time", e);
        }
        if (causedBy(e, InterruptedIOException.class)) {
            return new ProviderTimeoutException(vendor + " call cut off", e);
        }
        return new ProviderUnavailableException(
                vendor + " call failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + firstLine(e.getMessage()) + ")"),
                e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }
}
