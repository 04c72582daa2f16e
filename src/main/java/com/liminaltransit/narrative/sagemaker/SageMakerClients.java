package com.liminaltransit.narrative.sagemaker;

import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.vendor.AwsSupport;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * The provider's two SDK clients, each built on its first use with the same region, endpoint and credentials: the
 * sync client for InvokeEndpoint (the JDK's {@code HttpURLConnection}, see {@link AwsSupport#build}) and the async
 * one for InvokeEndpointWithResponseStream, which only an async client offers (Netty). Both close with the bean.
 */
final class SageMakerClients implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Optional<String> region;
    private final Duration timeout;
    private final Optional<String> endpoint;
    private SageMakerRuntimeClient sync;
    private SageMakerRuntimeAsyncClient async;

    /**
     * @param region   the configured region, else the SDK's default chain
     * @param timeout  a whole InvokeEndpoint call; for a stream, the longest silence the socket allows (the stall
     *                 watch usually cuts it sooner)
     * @param endpoint an endpoint override (tests, VPC endpoints), if any
     */
    SageMakerClients(Optional<String> region, Duration timeout, Optional<String> endpoint) {
        this.region = region;
        this.timeout = timeout;
        this.endpoint = endpoint;
    }

    synchronized SageMakerRuntimeClient sync() {
        if (sync == null) {
            sync = AwsSupport.build(
                    SageMakerProvider.NAME, SageMakerRuntimeClient.builder(), region, timeout, endpoint);
        }
        return sync;
    }

    /**
     * The streaming client: HTTP/1.1 (what InvokeEndpointWithResponseStream speaks), no SDK retries (a stream is never
     * retried: the next link of the chain continues it), and no call timeout, which would cut a long answer that is
     * still arriving; a silent socket is cut after {@code timeout}.
     */
    synchronized SageMakerRuntimeAsyncClient async() {
        if (async == null) {
            String where = AwsSupport.region(region)
                    .orElseThrow(() -> new NarrativeException(SageMakerProvider.NAME + " has no region"));
            var builder = SageMakerRuntimeAsyncClient.builder()
                    .region(Region.of(where))
                    .credentialsProvider(DefaultCredentialsProvider.builder().build())
                    .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                            .protocol(Protocol.HTTP1_1)
                            .connectionTimeout(CONNECT_TIMEOUT)
                            .readTimeout(timeout))
                    .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()));
            endpoint.filter(uri -> !uri.isBlank()).map(URI::create).ifPresent(builder::endpointOverride);
            async = builder.build();
        }
        return async;
    }

    @Override
    public synchronized void close() {
        if (sync != null) {
            sync.close();
        }
        if (async != null) {
            async.close();
        }
    }
}
